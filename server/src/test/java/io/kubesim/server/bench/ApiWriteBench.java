package io.kubesim.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubesim.server.ApiServer;
import io.kubesim.server.ServerConfig;
import io.kubesim.server.e2e.TestServer;

/**
 * Measures the API server's write path end to end over HTTPS with the Fabric8 client: pod creates,
 * then pod status patches (what node agents do), with C concurrent clients. Prints throughput and
 * latency percentiles. Not a test.
 *
 * <p>Run: {@code mvn -q -o -pl server test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * -Dmdep.includeScope=test && java -cp "$(cat server/cp.txt):server/target/classes:server/target/test-classes"
 * io.kubesim.server.bench.ApiWriteBench [pods] [concurrency] [rocksdb|memory]}
 */
public final class ApiWriteBench {

    private ApiWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        int pods = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path dir = Files.createTempDirectory("kubesim-bench");
        String storage = args.length > 2 ? args[2] : "rocksdb";
        try (ApiServer server = ApiServer.start(ServerConfig.defaults(dir).withPort(0).withStorage(storage));
             TestServerClient c = new TestServerClient(server)) {
            KubernetesClient client = c.client;
            warmUp(client);
            List<Long> creates = run(pods, concurrency, i -> client.pods().inNamespace("default")
                    .resource(pod("bench-" + i)).create());
            report("create pod", creates);
            List<Long> patches = run(pods, concurrency, i -> client.pods().inNamespace("default")
                    .withName("bench-" + i).editStatus(p -> new PodBuilder(p).editStatus().withPhase("Running")
                            .withPodIP("10.244.0." + (i % 250)).endStatus().build()));
            report("edit pod status (GET+PUT)", patches);
        }
    }

    @FunctionalInterface
    private interface Op {
        void run(int i) throws Exception;
    }

    private static void warmUp(KubernetesClient client) {
        for (int i = 0; i < 200; i++) {
            client.pods().inNamespace("default").resource(pod("warm-" + i)).create();
        }
    }

    private static List<Long> run(int n, int concurrency, Op op) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(n));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    long t = System.nanoTime();
                    op.run(i);
                    latencies.add(System.nanoTime() - t);
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get(10, TimeUnit.MINUTES);
        }
        long took = System.nanoTime() - start;
        pool.shutdown();
        latencies.add(0, took);
        return latencies;
    }

    private static void report(String what, List<Long> measured) {
        long total = measured.get(0);
        List<Long> l = new ArrayList<>(measured.subList(1, measured.size()));
        Collections.sort(l);
        System.out.printf("%-28s n=%d  %.0f ops/s  p50=%.2f ms  p99=%.2f ms  max=%.2f ms%n", what, l.size(),
                l.size() / (total / 1e9), l.get(l.size() / 2) / 1e6, l.get((int) (l.size() * 0.99)) / 1e6,
                l.get(l.size() - 1) / 1e6);
    }

    private static Pod pod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).addToLabels("app", "bench").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("nginx:1.25").endContainer().endSpec().build();
    }

    /** A Fabric8 client for a server started outside {@link TestServer}. */
    private static final class TestServerClient implements AutoCloseable {
        final KubernetesClient client;

        TestServerClient(ApiServer server) throws Exception {
            io.fabric8.kubernetes.client.Config config = io.fabric8.kubernetes.client.Config.fromKubeconfig(
                    Files.readString(server.pki().adminKubeconfig()));
            config.setMaxConcurrentRequests(256);
            config.setMaxConcurrentRequestsPerHost(256);
            client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build();
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
