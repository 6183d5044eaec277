package io.kubesim.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTest {

    private static final long KUBECTL_TIMEOUT_SECONDS = 20;

    @TempDir
    Path dir;

    @Test
    void rendersOneClusterUserAndCurrentContext() {
        Instant now = Instant.now();
        CertificateAuthority ca = CertificateAuthority.generate("test-ca", now);
        CertifiedKey node = ca.issue(ClientIdentity.node("n1").leafSpec(), now);

        String yaml = Kubeconfig.of(URI.create("https://127.0.0.1:6443"), ca.certificate(),
                ClientIdentity.node("n1"), node).render();

        String caData = base64(PemFiles.toPem(ca.certificate()));
        assertThat(yaml).isEqualTo("apiVersion: v1\n"
                + "kind: Config\n"
                + "clusters:\n"
                + "- cluster:\n"
                + "    certificate-authority-data: " + caData + "\n"
                + "    server: https://127.0.0.1:6443\n"
                + "  name: kubesim\n"
                + "contexts:\n"
                + "- context:\n"
                + "    cluster: kubesim\n"
                + "    user: system:node:n1\n"
                + "  name: system:node:n1@kubesim\n"
                + "current-context: system:node:n1@kubesim\n"
                + "preferences: {}\n"
                + "users:\n"
                + "- name: system:node:n1\n"
                + "  user:\n"
                + "    client-certificate-data: " + base64(PemFiles.toPem(node.certificate())) + "\n"
                + "    client-key-data: " + base64(PemFiles.toTraditionalPem(node.privateKey())) + "\n");
        assertThat(Kubeconfig.of(URI.create("https://[::1]:6443"), ca.certificate(), ClientIdentity.node("n1"), node)
                .render()).contains("    server: \"https://[::1]:6443\"\n");
    }

    @Test
    void toStringDoesNotLeakTheKey() {
        Instant now = Instant.now();
        CertificateAuthority ca = CertificateAuthority.generate("test-ca", now);
        CertifiedKey admin = ca.issue(ClientIdentity.admin().leafSpec(), now);
        Kubeconfig kubeconfig =
                Kubeconfig.of(PkiRequest.DEFAULT_SERVER, ca.certificate(), ClientIdentity.admin(), admin);

        assertThat(kubeconfig.toString()).isEqualTo("Kubeconfig[kubernetes-admin@kubesim -> https://127.0.0.1:6443]");
        assertThat(admin.toString()).doesNotContain("PRIVATE").contains("CN=kubernetes-admin");
    }

    @Test
    void kubectlAcceptsTheAdminKubeconfig() throws Exception {
        Optional<Path> kubectl = onPath("kubectl");
        assumeThat(kubectl).as("kubectl on PATH").isPresent();
        PkiLayout layout = new ClusterPki()
                .ensure(PkiRequest.of(dir).withServer(URI.create("https://[::1]:6443"))).layout();

        String certificateData = kubectl(kubectl.get(), layout.adminKubeconfig(),
                "{.users[0].user.client-certificate-data}");
        String summary = kubectl(kubectl.get(), layout.adminKubeconfig(),
                "{.current-context}|{.clusters[0].cluster.server}|{.users[0].name}|{.contexts[0].context.cluster}");

        assertThat(certificateData).isEqualTo(Base64.getEncoder().encodeToString(
                Files.readAllBytes(layout.certificate(ClientIdentity.admin()))));
        assertThat(summary).isEqualTo("kubernetes-admin@kubesim|https://[::1]:6443|kubernetes-admin|kubesim");
    }

    /** Runs {@code kubectl config view --raw -o jsonpath=...} on the file, bounded in time. */
    private String kubectl(Path kubectl, Path kubeconfig, String jsonPath) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "kubectl", ".out");
        List<String> command = new ArrayList<>(List.of(kubectl.toString(), "config", "view",
                "--kubeconfig", kubeconfig.toString(), "--raw", "-o", "jsonpath=" + jsonPath));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("KUBECONFIG");
        Process process = builder.start();
        if (!process.waitFor(KUBECTL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl did not finish within " + KUBECTL_TIMEOUT_SECONDS + " s");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("kubectl exit status, output: %s", text).isZero();
        return text;
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
