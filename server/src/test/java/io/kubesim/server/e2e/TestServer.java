package io.kubesim.server.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubesim.server.ApiServer;
import io.kubesim.server.ServerConfig;

/**
 * A real API server for end-to-end tests: HTTPS on a free loopback port, generated PKI, and a
 * kubeconfig that kubectl and the Fabric8 client use unchanged. Close it to stop the server and
 * delete its data directory (unless {@link #keepData()} was asked for, e.g. to restart on it).
 */
public final class TestServer implements AutoCloseable {

    private final Path dataDir;
    private final boolean ownsDir;
    private ApiServer server;

    private TestServer(Path dataDir, boolean ownsDir, ApiServer server) {
        this.dataDir = dataDir;
        this.ownsDir = ownsDir;
        this.server = server;
    }

    /** A server on RocksDB in a fresh temporary directory. */
    public static TestServer start() {
        return start("rocksdb");
    }

    public static TestServer start(String storage) {
        return start(c -> c.withStorage(storage));
    }

    /** A server in a fresh temporary directory with an adjusted configuration. */
    public static TestServer start(UnaryOperator<ServerConfig> adjust) {
        try {
            Path dir = Files.createTempDirectory("kubesim-e2e");
            return new TestServer(dir, true, ApiServer.start(adjust.apply(config(dir, 0))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the API server", e);
        }
    }

    /** A server on an existing data directory (kept on close), e.g. to test restarts. */
    public static TestServer startOn(Path dataDir, int port) {
        try {
            return new TestServer(dataDir, false, ApiServer.start(config(dataDir, port)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the API server", e);
        }
    }

    /** Config with a short bookmark interval and a small history, so tests see both quickly. */
    static ServerConfig config(Path dir, int port) {
        return ServerConfig.defaults(dir).withPort(port).withBookmarkInterval(Duration.ofSeconds(1));
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return server.url();
    }

    public Path adminKubeconfig() {
        return server.pki().adminKubeconfig();
    }

    public ApiServer server() {
        return server;
    }

    /** A Fabric8 client authenticated as the cluster admin. */
    public KubernetesClient client() {
        try {
            Config config = Config.fromKubeconfig(Files.readString(adminKubeconfig()));
            config.setRequestTimeout(20_000);
            config.setConnectionTimeout(10_000);
            return new KubernetesClientBuilder().withConfig(config).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server but keeps the data directory. */
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
        if (ownsDir) {
            deleteRecursively(dataDir);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp dir left behind is not a test failure
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
