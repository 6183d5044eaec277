package io.kubesim.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.http.HttpMethod;

/**
 * Drives a throwaway server through every measured path (creates, each LIST shape, a watch round,
 * then a delete of the round's pods) in rounds until the JIT compilers go quiet or the time budget is spent. On 2 cores the JVM has a
 * single C2 compiler thread, and the server's hot code (TLS, HTTP/2, JSON, validation, storage) is
 * a backlog of about two thousand methods that takes it a minute or more; figures taken earlier
 * measure the compiler as much as the server. Stateless.
 */
final class WarmUp {

    private static final int ROUND_PODS = 2_500;
    private static final int ROUND_WATCH_EVENTS = 200;
    private static final int ROUND_WATCH_RATE = 500;
    /** The JIT counts as quiet once it compiled for less than this share of a round's wall time. */
    private static final double QUIET_JIT_SHARE = 0.10;

    private WarmUp() {
    }

    /** Runs rounds against a server with an empty {@code namespace}; returns a one-line summary. */
    static String run(LeanClient http, PodCreator creator, CpuMeter cpu, BenchOptions options, String namespace)
            throws Exception {
        long started = System.nanoTime();
        long budget = TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        List<String> shares = new ArrayList<>();
        ListProbe lists = new ListProbe(http, cpu);
        LeanClient.Connection admin = http.connection();
        WatchProbe watches = new WatchProbe(http, cpu);
        double share = 1;
        int round = 0;
        while (share >= QUIET_JIT_SHARE && System.nanoTime() - started < budget) {
            CpuMeter.Sample start = cpu.sample();
            CreateLoad.run(creator, cpu, namespace, "warm" + round, 0, ROUND_PODS, options.concurrency());
            for (ListProbe.Shape shape : ListProbe.shapes(namespace)) {
                lists.run(shape, 0, 1);
            }
            watches.run(namespace, "warm-watch" + round, options.watchers(), ROUND_WATCH_EVENTS, ROUND_WATCH_RATE);
            // Rounds must not accumulate pods: a Table list of many rounds' pods would outgrow the heap.
            http.call(admin, HttpMethod.DELETE, PodBodies.path(namespace) + "?gracePeriodSeconds=0", LeanClient.JSON,
                    null, 200);
            CpuMeter.Usage used = cpu.sample().since(start);
            share = used.jitMillis() / (used.wallNanos() / 1e6);
            shares.add(String.format("%.0f%%", 100 * share));
            round++;
        }
        return String.format("warm-up on a throwaway server: %d rounds of %,d creates, each LIST shape and %d watchers"
                        + " in %.0f s; JIT compiling for %s of each round (stops below %.0f%% or after %d s)", round,
                ROUND_PODS, options.watchers(), (System.nanoTime() - started) / 1e9, String.join(", ", shares),
                100 * QUIET_JIT_SHARE, options.warmupSeconds());
    }
}
