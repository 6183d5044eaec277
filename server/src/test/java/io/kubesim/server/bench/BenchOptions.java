package io.kubesim.server.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What one {@link ApiBench} run does. Immutable.
 *
 * @param storage       {@code rocksdb} (durable, WAL-synced) or {@code memory}
 * @param client        load generator for the create phase: {@code lean} (JDK HTTP/2 client, pre-built JSON) or
 *                      {@code fabric8} (the Fabric8 client as components use it)
 * @param pods          pods created in phase 1 and listed in phase 2
 * @param concurrency   concurrent create clients, each on its own connection
 * @param memorySteps   the creates run in this many equal steps, with a heap measurement after each
 * @param warmupSeconds the most time {@link WarmUp} may take on a throwaway server before measuring
 * @param listRuns      timed runs per LIST shape (after {@code listWarmups} untimed ones)
 * @param listWarmups   untimed runs per LIST shape
 * @param watchers      concurrent pod watches, each on its own connection
 * @param watchEvents   pods created while the watchers listen
 * @param watchRate     creates per second during the watch phase
 * @param dataParent    where the temporary data directories go
 * @param threads       print the CPU of every thread after the create phase (to check the accounting)
 * @param profileDir    where {@link PhaseProfiler} writes one JFR recording per measured phase; null for none
 */
record BenchOptions(String storage, String client, int pods, int concurrency, int memorySteps, int warmupSeconds,
                    int listRuns, int listWarmups, int watchers, int watchEvents, int watchRate, Path dataParent,
                    boolean threads, Path profileDir) {

    static final String USAGE = "usage: ApiBench [--storage rocksdb|memory] [--client lean|fabric8] [--pods N]"
            + " [--concurrency C] [--memory-steps S] [--warmup-seconds S] [--list-runs R] [--list-warmups R]"
            + " [--watchers N] [--watch-events N] [--watch-rate PER_SECOND] [--data-dir DIR] [--threads]"
            + " [--profile DIR]";

    BenchOptions {
        if (!storage.equals("rocksdb") && !storage.equals("memory")) {
            throw new IllegalArgumentException("--storage must be rocksdb or memory");
        }
        if (!client.equals("lean") && !client.equals("fabric8")) {
            throw new IllegalArgumentException("--client must be lean or fabric8");
        }
        if (pods < memorySteps || memorySteps < 1 || concurrency < 1 || listRuns < 1 || watchers < 1
                || watchEvents < 1 || watchRate < 1) {
            throw new IllegalArgumentException("counts must be positive (and --pods at least --memory-steps)");
        }
    }

    /** Parses {@code --name value} pairs; every option has a default. */
    static BenchOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        boolean threads = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threads")) {
                threads = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                given.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "\n" + USAGE);
            }
        }
        Map<String, String> left = new HashMap<>(given);
        BenchOptions o = new BenchOptions(
                take(left, "storage", "rocksdb"),
                take(left, "client", "lean"),
                Integer.parseInt(take(left, "pods", "10000")),
                Integer.parseInt(take(left, "concurrency", "32")),
                Integer.parseInt(take(left, "memory-steps", "4")),
                Integer.parseInt(take(left, "warmup-seconds", "120")),
                Integer.parseInt(take(left, "list-runs", "20")),
                Integer.parseInt(take(left, "list-warmups", "5")),
                Integer.parseInt(take(left, "watchers", "100")),
                Integer.parseInt(take(left, "watch-events", "1000")),
                Integer.parseInt(take(left, "watch-rate", "100")),
                Path.of(take(left, "data-dir", System.getProperty("java.io.tmpdir"))),
                threads,
                left.containsKey("profile") ? Path.of(left.remove("profile")) : null);
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + left.keySet() + "\n" + USAGE);
        }
        return o;
    }

    private static String take(Map<String, String> left, String name, String fallback) {
        String v = left.remove(name);
        return v == null ? fallback : v;
    }
}
