package io.kubesim.scheduler.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubesim.controllers.runtime.Clients;
import io.kubesim.controllers.runtime.ComponentMetrics;
import io.kubesim.controllers.runtime.EventRecorder;
import io.kubesim.controllers.runtime.InformerSet;
import io.kubesim.scheduler.HttpPodApi;
import io.kubesim.scheduler.PodApi;
import io.kubesim.scheduler.Scheduler;
import io.kubesim.scheduler.SchedulerCache;
import io.kubesim.scheduler.SchedulerConfig;
import io.kubesim.scheduler.SchedulingAlgorithm;
import io.kubesim.scheduler.TestCluster;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.plugins.DefaultPlugins;

/**
 * Scheduler throughput against a real API server in the same JVM: 100 Ready nodes in 5 zones, a warm-up round of
 * 1,000 pods (a long-running server is warm; a cold JIT would dominate the first figures), then for each size
 * (default 1,000 and 5,000) that many pending pods of 20 ReplicaSets, created before the scheduler starts. Measures
 * from the start of scheduling (caches synced, every pod queued) until every binding has been acknowledged: pods
 * bound per second, the latency of the binding request (p50/p99), and the time from the start until each pod was
 * bound (p50/p99). Events are recorded as in production. Also reports the CPU cost of a scheduling cycle without
 * the API server. Not a test: run its main.
 *
 * <p>Usage: {@code SchedulerBench [SIZE...]}; {@code -Dbench.binds=N} changes the bindings in flight.
 */
public final class SchedulerBench {

    private static final int NODES = 100;
    private static final int OWNERS = 20;

    private SchedulerBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {1000, 5000} : Arrays.stream(args).mapToInt(Integer::parseInt)
                .toArray();
        cycleCost(Arrays.stream(sizes).max().orElse(1000));
        try (TestCluster cluster = TestCluster.start()) {
            long t = System.nanoTime();
            createNodes(cluster);
            System.out.printf("%d nodes registered in %.1f s%n", NODES, (System.nanoTime() - t) / 1e9);
            // One client for all rounds, like one long-running scheduler process: its connections are set up once.
            try (KubernetesClient client = Clients.fromKubeconfig(cluster.schedulerKubeconfig())) {
                System.out.println("warm-up:");
                run(cluster, client, "warmup", 1000);
                for (int size : sizes) {
                    System.out.printf("%nload average %s", Files.readString(Path.of("/proc/loadavg")));
                    run(cluster, client, "bench-" + size, size);
                }
            }
        }
        System.exit(0);
    }

    /**
     * The scheduler's own CPU cost per pod: snapshot, filter, score and assume against the same 100 nodes, with no
     * API server involved (warmed up first, then {@code size} pods).
     */
    private static void cycleCost(int size) {
        for (int round = 0; round < 2; round++) {
            SchedulerCache cache = new SchedulerCache();
            for (int i = 0; i < NODES; i++) {
                cache.putNode(new NodeBuilder().withNewMetadata().withName(String.format("node-%03d", i))
                        .addToLabels("kubernetes.io/hostname", String.format("node-%03d", i))
                        .addToLabels("topology.kubernetes.io/zone", "zone-" + (i % 5)).endMetadata()
                        .withNewSpec().endSpec().withNewStatus()
                        .addToAllocatable(Map.of("cpu", new Quantity("32"), "memory", new Quantity("16Gi"),
                                "pods", new Quantity("110")))
                        .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build());
            }
            SchedulingAlgorithm algorithm = new SchedulingAlgorithm(DefaultPlugins.profile("default-scheduler"),
                    new SplittableRandom(1));
            List<PodInfo> pods = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Pod pod = pod("cycle", i);
                pod.getMetadata().setUid("uid-" + i);
                pods.add(PodInfo.of(pod));
            }
            long start = System.nanoTime();
            for (PodInfo pod : pods) {
                SchedulingAlgorithm.Result r = algorithm.schedule(pod, cache.snapshot());
                cache.assume(pod, r.node());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (round == 1) {
                System.out.printf("scheduling cycles without API (%d nodes, %d pods): %.0f µs per pod, %.0f pods/s%n",
                        NODES, size, seconds * 1e6 / size, size / seconds);
            }
        }
    }

    private static void createNodes(TestCluster cluster) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            String name = String.format("node-%03d", i);
            String zone = "zone-" + (i % 5);
            done.add(pool.submit(() -> cluster.createNode(name, "32", Map.of("topology.kubernetes.io/zone", zone),
                    List.of(), false)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static void run(TestCluster cluster, KubernetesClient client, String ns, int size) throws Exception {
        KubernetesClient admin = cluster.admin();
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                .create();
        long t = System.nanoTime();
        createPods(admin, ns, size);
        System.out.printf("%d pending pods created in %.1f s%n", size, (System.nanoTime() - t) / 1e9);

        ComponentMetrics metrics = new ComponentMetrics();
        InformerSet informers = new InformerSet(client);
        EventRecorder recorder = new EventRecorder(client, "default-scheduler", null);
        TimedApi api = new TimedApi(new HttpPodApi(client), size);
        SchedulerConfig defaults = SchedulerConfig.defaults("default-scheduler");
        SchedulerConfig config = new SchedulerConfig(defaults.schedulerName(),
                Integer.getInteger("bench.binds", defaults.maxInFlightBinds()), defaults.initialBackoff(),
                defaults.maxBackoff(), defaults.clock());
        Scheduler scheduler = Scheduler.create(informers, config, metrics, Scheduler.sink(recorder), api);
        t = System.nanoTime();
        scheduler.awaitSynced(Duration.ofMinutes(2));
        // Measure scheduling, not the informer handing over its initial list: wait until every pod is queued.
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (scheduler.queue().activeCount() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        System.out.printf("caches synced and %d pods queued in %.1f s%n", scheduler.queue().activeCount(),
                (System.nanoTime() - t) / 1e9);

        long start = System.nanoTime();
        api.start = start;
        scheduler.start();
        api.allBound.get();
        double seconds = (api.lastBound.get() - start) / 1e9;
        System.out.printf("%d pods bound in %.2f s: %.0f pods/s (binding failures %d)%n", size, seconds,
                size / seconds, api.failures.get());
        System.out.printf("binding request latency: p50 %.1f ms, p99 %.1f ms%n",
                percentile(api.bindMillis, 50), percentile(api.bindMillis, 99));
        System.out.printf("time from start to bound: p50 %.0f ms, p99 %.0f ms%n",
                percentile(api.boundAfterMillis, 50), percentile(api.boundAfterMillis, 99));

        scheduler.close();
        recorder.close();
        informers.close();
        metrics.close();
    }

    private static void createPods(KubernetesClient admin, String ns, int size) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Pod>> done = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Pod pod = pod(ns, i);
            done.add(pool.submit(() -> admin.pods().inNamespace(ns).resource(pod).create()));
        }
        for (Future<Pod> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    /** Pod {@code i} of namespace {@code ns}: one of {@value #OWNERS} ReplicaSets, requesting 10m CPU, 16Mi. */
    private static Pod pod(String ns, int i) {
        int owner = i % OWNERS;
        return new PodBuilder()
                .withNewMetadata().withName("pod-" + i).withNamespace(ns).addToLabels("app", "app-" + owner)
                    .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet")
                    .withName("app-" + owner).withUid(String.format("00000000-0000-0000-0000-%012d", owner))
                    .withController(true).endOwnerReference()
                .endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("nginx:1.27").withNewResources()
                    .addToRequests("cpu", new Quantity("10m")).addToRequests("memory", new Quantity("16Mi"))
                    .endResources().endContainer().endSpec()
                .build();
    }

    private static double percentile(ConcurrentLinkedQueue<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Times every binding and completes {@link #allBound} when {@code expected} have succeeded. */
    private static final class TimedApi implements PodApi {
        private final PodApi delegate;
        private final int expected;
        private final AtomicInteger bound = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicLong lastBound = new AtomicLong();
        private final CompletableFuture<Void> allBound = new CompletableFuture<>();
        private final ConcurrentLinkedQueue<Double> bindMillis = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Double> boundAfterMillis = new ConcurrentLinkedQueue<>();
        private volatile long start;

        TimedApi(PodApi delegate, int expected) {
            this.delegate = delegate;
            this.expected = expected;
        }

        @Override
        public CompletableFuture<Void> bind(PodInfo pod, String node) {
            long sent = System.nanoTime();
            return delegate.bind(pod, node).whenComplete((ok, error) -> {
                long now = System.nanoTime();
                if (error != null) {
                    failures.incrementAndGet();
                    return;
                }
                bindMillis.add((now - sent) / 1e6);
                boundAfterMillis.add((now - start) / 1e6);
                lastBound.accumulateAndGet(now, Math::max);
                if (bound.incrementAndGet() == expected) {
                    allBound.complete(null);
                }
            });
        }

        @Override
        public CompletableFuture<Void> setNotScheduled(PodInfo pod, String reason, String message, Instant time) {
            return delegate.setNotScheduled(pod, reason, message, time);
        }
    }
}
