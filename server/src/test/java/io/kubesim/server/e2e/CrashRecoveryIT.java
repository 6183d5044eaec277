package io.kubesim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubesim.server.ServerMain;

/**
 * Kills a serving API server with SIGKILL while clients write, restarts it in-process on the same
 * data directory, and checks that every create the server acknowledged survived with its
 * resourceVersion. The server runs as a child JVM ({@code ServerMain serve}) on the test classpath.
 */
class CrashRecoveryIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final int WRITERS = 4;
    private static final int REQUIRED_ACKS = 300;

    @TempDir
    Path temp;

    @Test
    void everyAcknowledgedCreateSurvivesAKill() throws Exception {
        Path dir = temp.resolve("data");
        Path log = temp.resolve("server.log");
        int port = freePort();
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ServerMain.class.getName(), "serve", "--data-dir", dir.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        List<Thread> writers = new ArrayList<>();
        try {
            awaitReady(dir, port, child, log);
            try (KubernetesClient client = noRetryClient(dir)) {
                for (int w = 0; w < WRITERS; w++) {
                    writers.add(writer(client, "w" + w, acknowledged, killed, unexpected));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= REQUIRED_ACKS
                        || unexpected.get() != null || !child.isAlive());
                assertThat(unexpected.get()).as("no write failed before the kill").isNull();
                assertThat(child.isAlive()).as("the server ran until killed").isTrue();
                killed.set(true);
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the server died").isTrue();
                for (Thread t : writers) {
                    t.join(Duration.ofSeconds(60).toMillis());
                    assertThat(t.isAlive()).as("writer %s stopped", t.getName()).isFalse();
                }
            }
        } finally {
            child.destroyForcibly();
            killed.set(true);
        }

        try (TestServer restarted = TestServer.startOn(dir, port);
             KubernetesClient client = restarted.client()) {
            Map<String, String> stored = client.configMaps().inNamespace("default").list().getItems().stream()
                    .collect(Collectors.toMap(c -> c.getMetadata().getName(),
                            c -> c.getMetadata().getResourceVersion()));
            assertThat(stored).as("every acknowledged create, with the revision it was acknowledged at")
                    .containsAllEntriesOf(acknowledged);
            long newest = stored.values().stream().mapToLong(Long::parseLong).max().orElseThrow();
            ConfigMap next = client.resource(configMap("after-crash")).create();
            assertThat(Long.parseLong(next.getMetadata().getResourceVersion())).isGreaterThan(newest);
        }
    }

    /** Creates config maps named {@code prefix-N} until the server is killed, recording each acknowledgement. */
    private static Thread writer(KubernetesClient client, String prefix, Map<String, String> acknowledged,
                                 AtomicBoolean killed, AtomicReference<Throwable> unexpected) {
        Thread t = new Thread(() -> {
            for (int i = 0; !killed.get(); i++) {
                try {
                    ConfigMap created = client.resource(configMap(prefix + "-" + i)).create();
                    acknowledged.put(created.getMetadata().getName(), created.getMetadata().getResourceVersion());
                } catch (RuntimeException e) {
                    if (!killed.get()) {
                        unexpected.compareAndSet(null, e);
                    }
                    return;
                }
            }
        }, "writer-" + prefix);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .addToData("payload", "x".repeat(200)).build();
    }

    /** A client that fails fast once the server is gone, instead of retrying with backoff. */
    private static KubernetesClient noRetryClient(Path dir) throws IOException {
        Config config = Config.fromKubeconfig(Files.readString(dir.resolve("admin.kubeconfig")));
        config.setRequestRetryBackoffLimit(0);
        config.setRequestTimeout(10_000);
        config.setConnectionTimeout(5_000);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** Waits until the child answers {@code /readyz} over TLS, failing with its log if it exits or takes too long. */
    private static void awaitReady(Path dir, int port, Process child, Path log) {
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(200))
                    .until(() -> !child.isAlive() || ready(dir, port));
        } catch (RuntimeException e) {
            throw new AssertionError("the server did not become ready; its log:\n" + read(log), e);
        }
        assertThat(child.isAlive()).as(() -> "the server is running; its log:\n" + read(log)).isTrue();
    }

    private static boolean ready(Path dir, int port) throws InterruptedException {
        Path ca = dir.resolve("pki").resolve("ca.crt");
        if (!Files.exists(dir.resolve("admin.kubeconfig")) || !Files.exists(ca)) {
            return false;
        }
        try {
            HttpClient http = HttpClient.newBuilder().sslContext(ApiHttp.sslContext(ca, null))
                    .connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port
                    + "/readyz")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException | RuntimeException e) {
            // not listening yet, or the PKI is still being written
            return false;
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
