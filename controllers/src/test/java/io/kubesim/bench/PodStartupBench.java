package io.kubesim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

/**
 * Pod startup latency of a running cluster, as a user sees it: creates a Deployment of N replicas
 * and, from one pod watch, records for every pod when it was first seen, when it was bound to a
 * node and when it was first seen Running. Prints per-pod latency percentiles (first seen →
 * Running), the time until all pods ran, and the scheduler's binding throughput. Not a test.
 *
 * <p>Run against a cluster from {@code deploy/up.sh}; {@code deploy/bench.sh} does both.
 * Arguments: {@code KUBECONFIG REPLICAS [TIMEOUT_SECONDS] [WARM_UP_ROUNDS]}; warm-up rounds run
 * Deployments of up to 300 replicas first and are not measured.
 */
public final class PodStartupBench {

    private static final String SENTINEL = "watch-sentinel";
    private static final int WARM_UP_REPLICAS = 300;

    private PodStartupBench() {
    }

    private static final class Timeline {
        volatile long seen;
        volatile long bound;
        volatile long running;
    }

    public static void main(String[] args) throws Exception {
        Path kubeconfig = Path.of(args[0]);
        int replicas = Integer.parseInt(args[1]);
        long timeoutSeconds = args.length > 2 ? Long.parseLong(args[2]) : 300;
        int warmUpRounds = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            // Components that have run for a while are JIT-compiled; a fresh JVM spends most of its
            // CPU compiling, which would dominate the figures of the first round.
            for (int round = 1; round <= warmUpRounds; round++) {
                long took = round(client, Math.min(replicas, WARM_UP_REPLICAS), timeoutSeconds, false);
                System.out.printf("warm-up round %d: %d replicas in %.2f s%n", round,
                        Math.min(replicas, WARM_UP_REPLICAS), took / 1e9);
            }
            round(client, replicas, timeoutSeconds, true);
        }
    }

    /** One Deployment of {@code replicas} in a fresh namespace, deleted (and gone) after; returns the time to Running. */
    private static long round(KubernetesClient client, int replicas, long timeoutSeconds, boolean print)
            throws InterruptedException {
        String ns = "bench-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata().withName(ns).endMetadata().build()).create();
        Map<String, Timeline> pods = new ConcurrentHashMap<>();
        CountDownLatch allRunning = new CountDownLatch(replicas);
        CountDownLatch watching = new CountDownLatch(1);
        Watch watch = client.pods().inNamespace(ns).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                long now = System.nanoTime();
                if (SENTINEL.equals(pod.getMetadata().getName())) {
                    watching.countDown();
                    return;
                }
                Timeline t = pods.computeIfAbsent(pod.getMetadata().getName(), n -> {
                    Timeline fresh = new Timeline();
                    fresh.seen = now;
                    return fresh;
                });
                if (t.bound == 0 && pod.getSpec().getNodeName() != null) {
                    t.bound = now;
                }
                if (t.running == 0 && "Running".equals(pod.getStatus().getPhase())) {
                    t.running = now;
                    allRunning.countDown();
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                // the benchmark ends on its own deadline
            }
        });
        // a pod no scheduler picks up proves the watch is open before anything is timed
        client.pods().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata().withName(SENTINEL).endMetadata().withNewSpec().withSchedulerName("none")
                .addNewContainer().withName("c").withImage("none").endContainer().endSpec().build()).create();
        if (!watching.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the pod watch did not open");
        }
        client.pods().inNamespace(ns).withName(SENTINEL).delete();
        long start = System.nanoTime();
        client.apps().deployments().inNamespace(ns).resource(deployment(replicas)).create();
        boolean done = allRunning.await(timeoutSeconds, TimeUnit.SECONDS);
        long end = System.nanoTime();
        watch.close();
        if (print) {
            report(replicas, pods, start, end, done);
        }
        client.namespaces().withName(ns).delete();
        // the next round must not share the machine with this one's deletion
        client.namespaces().withName(ns).waitUntilCondition(n -> n == null, timeoutSeconds, TimeUnit.SECONDS);
        return end - start;
    }

    private static void report(int replicas, Map<String, Timeline> pods, long start, long end, boolean done) {
        List<Double> startup = new ArrayList<>();
        List<Long> binds = new ArrayList<>();
        long firstSeen = Long.MAX_VALUE;
        for (Timeline t : pods.values()) {
            firstSeen = Math.min(firstSeen, t.seen);
            if (t.running != 0) {
                startup.add((t.running - t.seen) / 1e6);
            }
            if (t.bound != 0) {
                binds.add(t.bound);
            }
        }
        Collections.sort(startup);
        Collections.sort(binds);
        System.out.printf("replicas=%d running=%d%s%n", replicas, startup.size(), done ? "" : " (TIMED OUT)");
        System.out.printf("all running after %.2f s (deployment created → last pod Running); first pod seen after"
                + " %.2f s%n", (end - start) / 1e9, (firstSeen - start) / 1e9);
        if (!startup.isEmpty()) {
            System.out.printf("pod startup (first seen → Running): p50=%.0f ms  p90=%.0f ms  p99=%.0f ms  max=%.0f ms%n",
                    pct(startup, 0.50), pct(startup, 0.90), pct(startup, 0.99), startup.get(startup.size() - 1));
        }
        if (binds.size() > 1) {
            double window = (binds.get(binds.size() - 1) - binds.get(0)) / 1e9;
            System.out.printf("scheduler: %d pods bound in %.2f s = %.0f pods/s (first bind %.2f s after first pod)%n",
                    binds.size(), window, window > 0 ? binds.size() / window : 0, (binds.get(0) - firstSeen) / 1e9);
        }
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(sorted.size() * p)));
    }

    private static Deployment deployment(int replicas) {
        return new DeploymentBuilder().withNewMetadata().withName("bench").endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", "bench").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "bench").endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage("nginx:1.15")
                .withNewResources().addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("1m"))
                .endResources().endContainer().endSpec()
                .endTemplate().endSpec().build();
    }
}
