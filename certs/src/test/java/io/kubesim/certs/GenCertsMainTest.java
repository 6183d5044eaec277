package io.kubesim.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenCertsMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void generatesEverythingFromCommandLineOptions() throws Exception {
        int status = run("gen-certs", "--dir", dir.toString(), "--server=https://10.0.0.1:6443",
                "--tls-san", "api.example.com,10.2.3.4", "--tls-san=other.example.com",
                "--nodes", "a,b", "--node", "c");

        assertThat(status).as(stderr()).isZero();
        assertThat(stdout()).contains("created " + dir.resolve("pki/ca.crt"),
                "created " + dir.resolve("admin.kubeconfig"));
        for (String file : List.of("admin", "controller-manager", "scheduler", "node-a", "node-b", "node-c")) {
            assertThat(dir.resolve(file + ".kubeconfig")).exists();
        }
        assertThat(Files.readString(dir.resolve("admin.kubeconfig"))).contains("server: https://10.0.0.1:6443\n");
        List<Object> sans = JdkPem.certificate(dir.resolve("pki/apiserver.crt")).getSubjectAlternativeNames().stream()
                .map(san -> (Object) san.get(1)).toList();
        assertThat(sans).contains("api.example.com", "other.example.com", "10.2.3.4", "10.0.0.1");

        out.reset();
        assertThat(run("--dir", dir.toString(), "--server", "https://10.0.0.1:6443",
                "--tls-san", "api.example.com,10.2.3.4,other.example.com", "--nodes", "a,b,c")).isZero();
        assertThat(stdout().lines()).allMatch(line -> line.startsWith("kept "));
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).startsWith("Usage: gen-certs --dir DIR");
    }

    @Test
    void usageErrorsAreOneLineMessages() {
        assertThat(run("--server", "https://x:1")).isEqualTo(1);
        assertThat(stderr()).startsWith("gen-certs: --dir is required\n");

        err.reset();
        assertThat(run("--dir", dir.toString(), "--bogus")).isEqualTo(1);
        assertThat(stderr()).startsWith("gen-certs: unknown argument --bogus\n");

        err.reset();
        assertThat(run("--dir", dir.toString(), "--node", "Bad_Name")).isEqualTo(1);
        assertThat(stderr()).startsWith("gen-certs: invalid node name");

        err.reset();
        assertThat(run("--dir", dir.toString(), "--server", "http://127.0.0.1:6443")).isEqualTo(1);
        assertThat(stderr()).startsWith("gen-certs: server must be an https:// URL");

        err.reset();
        assertThat(run("--dir")).isEqualTo(1);
        assertThat(stderr()).startsWith("gen-certs: --dir needs a value\n");
    }

    @Test
    void corruptFilesGiveAMessageNotAStackTrace() throws Exception {
        assertThat(run("--dir", dir.toString())).isZero();
        Path key = dir.resolve("pki/apiserver.key");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n%%%\n-----END PRIVATE KEY-----\n");

        assertThat(run("--dir", dir.toString())).isEqualTo(1);

        assertThat(stderr()).startsWith("gen-certs: " + key + ": unparseable PEM private key")
                .doesNotContain("\tat ").hasLineCount(1);
    }

    private int run(String... args) {
        return GenCertsMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
