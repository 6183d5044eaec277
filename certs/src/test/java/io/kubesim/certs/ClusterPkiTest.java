package io.kubesim.certs;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.naming.InvalidNameException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterPkiTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @TempDir
    Path dir;

    private final ClusterPki pki = new ClusterPki();

    @Test
    void servingCertificateCoversDefaultAndRequestedNames() throws Exception {
        PkiResult result = pki.ensure(PkiRequest.of(dir)
                .withExtraSans(List.of("10.1.2.3", "API.Example.com", "fd00::5"))
                .withServer(URI.create("https://control-plane.internal:6443")));

        X509Certificate serving = JdkPem.certificate(result.layout().apiserverCertificate());
        assertThat(sans(serving, 2)).contains("localhost", "kubernetes", "kubernetes.default",
                "kubernetes.default.svc", "kubernetes.default.svc.cluster.local", "api.example.com",
                "control-plane.internal");
        ServingNames.localHostName().filter(HostNames::isDnsName)
                .ifPresent(host -> assertThat(sans(serving, 2)).contains(host.toLowerCase()));
        assertThat(sans(serving, 7)).contains("127.0.0.1", "0:0:0:0:0:0:0:1", "10.1.2.3", "fd00:0:0:0:0:0:0:5");
        assertThat(serving.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(serving.getBasicConstraints()).isEqualTo(-1);
        assertThat(serving.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(serving.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(serving.getVersion()).isEqualTo(3);
    }

    @Test
    void clientCertificatesCarryKubernetesIdentities() throws Exception {
        PkiLayout layout = pki.ensure(PkiRequest.of(dir).withNodes(List.of("node-a", "b.example"))).layout();

        assertIdentity(layout.certificate(ClientIdentity.admin()), "kubernetes-admin", List.of("system:masters"));
        assertIdentity(layout.certificate(ClientIdentity.controllerManager()), "system:kube-controller-manager",
                List.of());
        assertIdentity(layout.certificate(ClientIdentity.scheduler()), "system:kube-scheduler", List.of());
        assertIdentity(dir.resolve("pki/node-node-a.crt"), "system:node:node-a", List.of("system:nodes"));
        assertIdentity(dir.resolve("pki/node-b.example.crt"), "system:node:b.example", List.of("system:nodes"));
        assertThat(dir.resolve("node-node-a.kubeconfig")).exists();
        assertThat(dir.resolve("node-b.example.kubeconfig")).exists();
    }

    @Test
    void everyLeafChainsToTheCaAndTheCaIsACa() throws Exception {
        PkiLayout layout = pki.ensure(PkiRequest.of(dir).withNodes(List.of("n1"))).layout();
        X509Certificate ca = JdkPem.certificate(layout.caCertificate());

        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(ca.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(Duration.between(ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant()).toDays())
                .isBetween(3650L, 3654L);

        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        parameters.setRevocationEnabled(false);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (Path file : List.of(layout.apiserverCertificate(), layout.certificate(ClientIdentity.admin()),
                layout.certificate(ClientIdentity.node("n1")))) {
            X509Certificate leaf = JdkPem.certificate(file);
            CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(leaf)), parameters);
            assertThat(leaf.getSerialNumber().bitLength()).isBetween(64, 128);
            assertThat(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()))
                    .isBetween(Duration.ofDays(365), Duration.ofDays(367));
            assertThat(leaf.getNotBefore().toInstant()).isBefore(Instant.now().minus(Duration.ofMinutes(59)));
        }
        assertThat(JdkPem.certificate(layout.certificate(ClientIdentity.admin())).getExtendedKeyUsage())
                .containsExactly(CLIENT_AUTH);
    }

    @Test
    void secretsAreOwnerOnlyAndNoTemporaryFilesRemain() throws Exception {
        pki.ensure(PkiRequest.of(dir).withNodes(List.of("n1")));

        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String name = file.getFileName().toString();
                String expected = name.endsWith(".key") || name.endsWith(".kubeconfig") ? "rw-------" : "rw-r--r--";
                if (!name.equals(".lock")) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                            .as(name).isEqualTo(expected);
                }
                assertThat(name).doesNotEndWith(".tmp");
            }
        }
    }

    @Test
    void rerunKeepsEveryFileByteForByte() throws Exception {
        PkiRequest request = PkiRequest.of(dir).withNodes(List.of("n1")).withExtraSans(List.of("10.9.9.9"));
        pki.ensure(request);
        Map<Path, byte[]> before = snapshot();

        PkiResult again = pki.ensure(request);

        assertThat(again.actions()).extracting(PkiAction::outcome).containsOnly(PkiAction.Outcome.KEPT);
        assertSameContent(before, snapshot(), Set.of());
    }

    @Test
    void newTlsSanReissuesOnlyTheServingCertificate() throws Exception {
        pki.ensure(PkiRequest.of(dir));
        Map<Path, byte[]> before = snapshot();

        PkiResult result = pki.ensure(PkiRequest.of(dir).withExtraSans(List.of("new.example.com")));

        PkiLayout layout = result.layout();
        assertThat(result.outcome(layout.apiserverCertificate())).contains(PkiAction.Outcome.REPLACED);
        assertThat(result.actions()).filteredOn(action -> action.outcome() == PkiAction.Outcome.REPLACED)
                .singleElement().extracting(PkiAction::reason).isEqualTo("SANs lack new.example.com");
        assertSameContent(before, snapshot(), Set.of(layout.apiserverCertificate(), layout.apiserverKey()));
        assertThat(sans(JdkPem.certificate(layout.apiserverCertificate()), 2)).contains("new.example.com");
        // Dropping the SAN again is fine: an existing cert with more names than asked for is kept.
        assertThat(pki.ensure(PkiRequest.of(dir)).outcome(layout.apiserverCertificate()))
                .contains(PkiAction.Outcome.KEPT);
    }

    @Test
    void newServerUrlRewritesKubeconfigsWithTheSameCredentials() throws Exception {
        pki.ensure(PkiRequest.of(dir));
        Map<Path, byte[]> before = snapshot();
        PkiLayout layout = new PkiLayout(dir);

        PkiResult result = pki.ensure(PkiRequest.of(dir).withServer(URI.create("https://10.0.0.7:7443")));

        Set<Path> kubeconfigs = Set.of(layout.adminKubeconfig(), layout.kubeconfig(ClientIdentity.scheduler()),
                layout.kubeconfig(ClientIdentity.controllerManager()));
        // The serving cert gains the new host as SAN; client material stays.
        assertSameContent(before, snapshot(), union(kubeconfigs,
                Set.of(layout.apiserverCertificate(), layout.apiserverKey())));
        String admin = Files.readString(layout.adminKubeconfig());
        assertThat(admin).contains("server: https://10.0.0.7:7443\n");
        String oldAdmin = new String(before.get(layout.adminKubeconfig()), StandardCharsets.UTF_8);
        assertThat(admin.replace("https://10.0.0.7:7443", "https://127.0.0.1:6443")).isEqualTo(oldAdmin);
        assertThat(result.outcome(layout.adminKubeconfig())).contains(PkiAction.Outcome.REPLACED);
        assertThat(sans(JdkPem.certificate(layout.apiserverCertificate()), 7)).contains("10.0.0.7");
    }

    @Test
    void leavesNearExpiryAreReissuedButTheCaIsKept() throws Exception {
        pki.ensure(PkiRequest.of(dir));
        Map<Path, byte[]> before = snapshot();
        PkiLayout layout = new PkiLayout(dir);
        ClusterPki monthBeforeExpiry = new ClusterPki(Clock.offset(Clock.systemUTC(), Duration.ofDays(340)));

        PkiResult later = monthBeforeExpiry.ensure(PkiRequest.of(dir));

        assertThat(later.outcome(layout.caCertificate())).contains(PkiAction.Outcome.KEPT);
        assertThat(later.outcome(layout.apiserverCertificate())).contains(PkiAction.Outcome.REPLACED);
        assertThat(later.outcome(layout.certificate(ClientIdentity.admin()))).contains(PkiAction.Outcome.REPLACED);
        assertThat(later.actions()).filteredOn(action -> action.file().equals(layout.apiserverCertificate()))
                .singleElement().extracting(PkiAction::reason).asString().startsWith("expires ");
        assertThat(snapshot().get(layout.caKey())).isEqualTo(before.get(layout.caKey()));
        assertThat(snapshot().get(layout.apiserverKey())).isNotEqualTo(before.get(layout.apiserverKey()));
    }

    @Test
    void leafFromAnotherCaIsReissued(@TempDir Path other) throws Exception {
        pki.ensure(PkiRequest.of(dir));
        pki.ensure(PkiRequest.of(other));
        PkiLayout layout = new PkiLayout(dir);
        PkiLayout foreign = new PkiLayout(other);
        ClientIdentity admin = ClientIdentity.admin();
        Files.copy(foreign.certificate(admin), layout.certificate(admin), REPLACE_EXISTING);
        Files.copy(foreign.key(admin), layout.key(admin), REPLACE_EXISTING);

        PkiResult result = pki.ensure(PkiRequest.of(dir));

        assertThat(result.actions()).filteredOn(action -> action.file().equals(layout.certificate(admin)))
                .singleElement().extracting(PkiAction::reason).isEqualTo("not signed by the current CA");
        assertThat(result.outcome(layout.adminKubeconfig())).contains(PkiAction.Outcome.REPLACED);
        X509Certificate ca = JdkPem.certificate(layout.caCertificate());
        JdkPem.certificate(layout.certificate(admin)).verify(ca.getPublicKey());
    }

    @Test
    void missingKeyOfALeafPairIsRegenerated() throws Exception {
        PkiLayout layout = pki.ensure(PkiRequest.of(dir)).layout();
        Files.delete(layout.key(ClientIdentity.scheduler()));

        PkiResult result = pki.ensure(PkiRequest.of(dir));

        assertThat(result.outcome(layout.certificate(ClientIdentity.scheduler()))).contains(PkiAction.Outcome.REPLACED);
        assertThat(PemFiles.readCertifiedKey(layout.certificate(ClientIdentity.scheduler()),
                layout.key(ClientIdentity.scheduler()))).isNotNull();
    }

    @Test
    void corruptPemIsReportedWithTheFileName() throws Exception {
        PkiLayout layout = pki.ensure(PkiRequest.of(dir)).layout();
        Files.writeString(layout.apiserverCertificate(),
                "-----BEGIN CERTIFICATE-----\nMIIB!!garbage\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> pki.ensure(PkiRequest.of(dir)))
                .isInstanceOf(PkiException.class)
                .hasMessageStartingWith(layout.apiserverCertificate() + ": unparseable PEM certificate");

        Files.writeString(layout.apiserverCertificate(), "hello\n");
        assertThatThrownBy(() -> pki.ensure(PkiRequest.of(dir)))
                .isInstanceOf(PkiException.class)
                .hasMessage(layout.apiserverCertificate() + ": no PEM certificate found");
    }

    @Test
    void keyOfAnotherCertificateIsAnError() throws Exception {
        PkiLayout layout = pki.ensure(PkiRequest.of(dir)).layout();
        Files.copy(layout.key(ClientIdentity.scheduler()), layout.apiserverKey(),
                REPLACE_EXISTING);

        assertThatThrownBy(() -> pki.ensure(PkiRequest.of(dir)))
                .isInstanceOf(PkiException.class)
                .hasMessage(layout.apiserverKey() + ": private key does not match certificate "
                        + layout.apiserverCertificate());
    }

    @Test
    void certificateInTheKeyFileIsAnError() throws Exception {
        PkiLayout layout = pki.ensure(PkiRequest.of(dir)).layout();
        Files.copy(layout.caCertificate(), layout.apiserverKey(), REPLACE_EXISTING);

        assertThatThrownBy(() -> pki.ensure(PkiRequest.of(dir)))
                .isInstanceOf(PkiException.class)
                .hasMessage(layout.apiserverKey() + ": expected a PEM PRIVATE KEY but found a CERTIFICATE");
    }

    @Test
    void caKeyNotMatchingTheCaIsAnErrorNotARotation() throws Exception {
        PkiLayout layout = pki.ensure(PkiRequest.of(dir)).layout();
        Files.copy(layout.apiserverKey(), layout.caKey(), REPLACE_EXISTING);
        byte[] caCertificate = Files.readAllBytes(layout.caCertificate());

        assertThatThrownBy(() -> pki.ensure(PkiRequest.of(dir)))
                .isInstanceOf(PkiException.class)
                .hasMessage(layout.caKey() + ": private key does not match certificate " + layout.caCertificate());
        assertThat(Files.readAllBytes(layout.caCertificate())).isEqualTo(caCertificate);
    }

    @Test
    void caCertificateWithoutItsKeyIsAnError() throws Exception {
        PkiLayout layout = pki.ensure(PkiRequest.of(dir)).layout();
        Files.delete(layout.caKey());

        assertThatThrownBy(() -> pki.ensure(PkiRequest.of(dir)))
                .isInstanceOf(PkiException.class)
                .hasMessageStartingWith(layout.caKey() + ": missing");
    }

    @Test
    void expiredCaIsAnError() throws Exception {
        PkiLayout layout = pki.ensure(PkiRequest.of(dir)).layout();
        ClusterPki decadeLater = new ClusterPki(Clock.offset(Clock.systemUTC(), Duration.ofDays(3700)));

        assertThatThrownBy(() -> decadeLater.ensure(PkiRequest.of(dir)))
                .isInstanceOf(PkiException.class)
                .hasMessageStartingWith(layout.caCertificate() + ": CA certificate is valid only from ");
    }

    @Test
    void concurrentRunOnTheSameDirectoryInOneJvmFailsInsteadOfDeadlocking() throws Exception {
        PkiLayout layout = new PkiLayout(dir);
        DirectoryLock held = DirectoryLock.acquire(layout.lockFile());
        try {
            assertThatThrownBy(() -> pki.ensure(PkiRequest.of(dir)))
                    .isInstanceOf(PkiException.class)
                    .hasMessage(layout.lockFile() + ": PKI generation is already running in this process");
        } finally {
            held.release();
        }
        assertThat(pki.ensure(PkiRequest.of(dir)).outcome(layout.caCertificate())).contains(PkiAction.Outcome.CREATED);
    }

    private Map<Path, byte[]> snapshot() throws IOException {
        Map<Path, byte[]> content = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                content.put(file, Files.readAllBytes(file));
            }
        }
        return content;
    }

    private static void assertSameContent(Map<Path, byte[]> before, Map<Path, byte[]> after, Set<Path> changed) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((file, bytes) -> {
            if (changed.contains(file)) {
                assertThat(after.get(file)).as(file.toString()).isNotEqualTo(bytes);
            } else {
                assertThat(after.get(file)).as(file.toString()).isEqualTo(bytes);
            }
        });
    }

    private static Set<Path> union(Set<Path> a, Set<Path> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }

    private static List<String> sans(X509Certificate certificate, int type) {
        try {
            return certificate.getSubjectAlternativeNames().stream()
                    .filter(san -> san.get(0).equals(type))
                    .map(san -> (String) san.get(1))
                    .collect(Collectors.toList());
        } catch (CertificateParsingException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertIdentity(Path file, String commonName, List<String> organizations)
            throws IOException, GeneralSecurityException, InvalidNameException {
        X509Certificate certificate = JdkPem.certificate(file);
        assertThat(JdkPem.subject(certificate, "CN")).containsExactly(commonName);
        assertThat(JdkPem.subject(certificate, "O")).containsExactlyElementsOf(organizations);
        assertThat(certificate.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(certificate.getSubjectAlternativeNames()).isNull();
    }
}
