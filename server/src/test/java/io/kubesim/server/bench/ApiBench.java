package io.kubesim.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.kubesim.server.ApiServer;
import io.kubesim.server.ServerConfig;
import io.vertx.core.http.HttpMethod;

/**
 * The API server benchmark of issue 2: an in-process {@link ApiServer} on 127.0.0.1 over real HTTPS,
 * driven by a load generator in the same JVM, printing figures (not a test, nothing asserts).
 * <ol>
 *   <li>durable pod creates/s with C concurrent clients, latency percentiles, and where the CPU went
 *       (server threads versus load generator), so a client bottleneck shows;</li>
 *   <li>LIST latency at that many pods: one namespace, all namespaces, {@code limit=500}, and the
 *       Table kubectl asks for;</li>
 *   <li>watch delivery latency to N concurrent watchers while pods are created at a steady rate;</li>
 *   <li>heap (after full GC) and resident memory per pod, measured after each create step so
 *       linear growth shows.</li>
 * </ol>
 * A throwaway server on the same storage takes a warm-up load first ({@link WarmUp}), so the JIT has
 * compiled the hot paths and the measured server's heap holds nothing but the measured pods. Run it with
 * {@code server/bench/api-bench.sh}; options are in {@link BenchOptions#USAGE}. One run per instance,
 * on the main thread.
 */
public final class ApiBench {

    private static final String NAMESPACE = "bench";
    private static final String WATCH_NAMESPACE = "bench-watch";
    private static final double TARGET_CREATES_PER_SECOND = 3000;
    private static final double TARGET_LIST_MS = 300;
    private static final double TARGET_WATCH_P99_MS = 50;
    private static final int SETTLE_DRY_RUNS = 5_000;
    private static final int SETTLE_WATCH_EVENTS = 200;

    private final BenchOptions options;
    private final PhaseProfiler profiler;
    private final List<String> verdicts = new ArrayList<>();

    private ApiBench(BenchOptions options) {
        this.options = options;
        this.profiler = new PhaseProfiler(options.profileDir());
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // the servers' start-up lines would interleave with the figures; warnings still show
        Logger.getLogger("").setLevel(Level.WARNING);
        new ApiBench(options).run();
    }

    private void run() throws Exception {
        try (profiler) {
            measure();
        }
    }

    private void measure() throws Exception {
        printHeader();
        warmUp();
        Path dir = Files.createTempDirectory(options.dataParent(), "kubesim-apibench-");
        long starting = System.nanoTime();
        try (ApiServer server = ApiServer.start(config(dir))) {
            CpuMeter cpu = CpuMeter.afterServerStart();
            try (LeanClient http = new LeanClient(server)) {
                LeanClient.Connection admin = http.connection();
                for (String ns : List.of(NAMESPACE, WATCH_NAMESPACE)) {
                    http.call(admin, HttpMethod.POST, "/api/v1/namespaces", LeanClient.JSON, PodBodies.namespace(ns),
                            201);
                }
                MemoryProbe.Point empty = MemoryProbe.measure();
                System.out.printf("%nmeasured server up in %.1f s: %s%n", (System.nanoTime() - starting) / 1e9,
                        empty.text());
                createPhase(server, http, cpu, empty);
                int stored = http.call(admin, HttpMethod.GET, PodBodies.path(NAMESPACE) + "/pod-0", LeanClient.JSON,
                        null, 200).body().length();
                System.out.printf("stored pod JSON (GET pod-0): %,d bytes%n", stored);
                listPhase(http, cpu);
                watchPhase(http, cpu);
            }
        } finally {
            deleteRecursively(dir);
        }
        System.out.printf("%n== targets%n");
        verdicts.forEach(v -> System.out.println("  " + v));
    }

    private void printHeader() {
        List<String> gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.toList());
        System.out.printf("API server benchmark: storage=%s, %d cores, load average %s, Java %s, max heap %d MiB,"
                        + " GC %s%n", options.storage(), Runtime.getRuntime().availableProcessors(), loadAverage(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, gcs);
        System.out.println("server and load generator share this JVM and its cores; bound to 127.0.0.1");
    }

    private void warmUp() throws Exception {
        Path dir = Files.createTempDirectory(options.dataParent(), "kubesim-apibench-warmup-");
        try (ApiServer server = ApiServer.start(config(dir));
             LeanClient http = new LeanClient(server);
             PodCreator creator = creator(server, http)) {
            CpuMeter cpu = CpuMeter.afterServerStart();
            http.call(http.connection(), HttpMethod.POST, "/api/v1/namespaces", LeanClient.JSON,
                    PodBodies.namespace(NAMESPACE), 201);
            creator.connect();
            System.out.println(WarmUp.run(http, creator, cpu, options, NAMESPACE));
        } finally {
            deleteRecursively(dir);
        }
    }

    private void createPhase(ApiServer server, LeanClient http, CpuMeter cpu, MemoryProbe.Point empty)
            throws Exception {
        System.out.printf("%n== 1. durable pod creates over HTTPS (%s), %d concurrent clients%n", options.storage(),
                options.concurrency());
        int step = options.pods() / options.memorySteps();
        Latencies all = new Latencies(options.pods());
        long wall = 0;
        CpuMeter.Usage lastCpu = null;
        List<MemoryProbe.Point> memory = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        try (PodCreator creator = creator(server, http)) {
            creator.connect();
            // A fresh server instance costs the JIT a round of deoptimization and recompilation even
            // after the warm-up; dry runs absorb most of it and leave nothing behind.
            CreateLoad.Result settle = CreateLoad.run(creator, cpu, NAMESPACE, "settle", 0, SETTLE_DRY_RUNS,
                    options.concurrency(), true);
            System.out.printf("  settling: %,d dry-run creates at %,.0f/s, JIT compiling %d ms meanwhile%n",
                    SETTLE_DRY_RUNS, settle.perSecond(), settle.cpu().jitMillis());
            profiler.start("creates");
            for (int s = 0; s < options.memorySteps(); s++) {
                int from = s * step;
                int to = s == options.memorySteps() - 1 ? options.pods() : from + step;
                CreateLoad.Result r = CreateLoad.run(creator, cpu, NAMESPACE, "pod", from, to, options.concurrency());
                if (s == 0) {
                    System.out.println("client: " + creator.describe());
                }
                all.addAll(r.latencies());
                wall += r.cpu().wallNanos();
                lastCpu = r.cpu();
                System.out.printf("  pods %,6d..%,6d: %,6.0f creates/s  %s%n    %s%n    %s%n", from, to - 1,
                        r.perSecond(), r.latencies().summary().text(), r.cpu().text(),
                        r.cpu().perOperation(r.count()));
                memory.add(MemoryProbe.measure());
                counts.add(to);
            }
            printProfile(profiler.stop());
        }
        double rate = options.pods() / (wall / 1e9);
        Latencies.Summary summary = all.summary();
        System.out.printf("  all %,d creates: %,.0f creates/s  %s%n", options.pods(), rate, summary.text());
        verdicts.add(verdict(rate >= TARGET_CREATES_PER_SECOND, String.format("creates: %,.0f/s (target >= %,.0f/s),"
                + " p50 %.1f ms, p99 %.1f ms", rate, TARGET_CREATES_PER_SECOND, summary.p50Ms(), summary.p99Ms())));
        reportMemory(empty, memory, counts);
        if (options.threads() && lastCpu != null) {
            System.out.println("  CPU by thread in the last step (ms):");
            lastCpu.perThread().stream().limit(20).forEach(e -> System.out.printf("    %8.1f  %s%n",
                    e.getValue() / 1e6, e.getKey()));
        }
    }

    /**
     * Memory after each create step. Per pod is the slope from the first step to the last: the
     * empty server's figure also holds one-off allocations (first-use caches, connection state),
     * which would otherwise be charged to the pods.
     */
    private void reportMemory(MemoryProbe.Point empty, List<MemoryProbe.Point> points, List<Integer> counts) {
        System.out.printf("  memory (heap after full GC; RSS with the heap pre-touched, so RSS growth is off-heap):%n");
        System.out.printf("    %,7d pods: %s%n", 0, empty.text());
        for (int i = 0; i < points.size(); i++) {
            MemoryProbe.Point previous = i == 0 ? empty : points.get(i - 1);
            int added = counts.get(i) - (i == 0 ? 0 : counts.get(i - 1));
            System.out.printf("    %,7d pods: %s; this step %s%n", counts.get(i), points.get(i).text(),
                    points.get(i).perObjectSince(previous, added));
        }
        MemoryProbe.Point first = points.get(0);
        MemoryProbe.Point last = points.get(points.size() - 1);
        int between = counts.get(counts.size() - 1) - counts.get(0);
        String slope = between > 0 ? last.perObjectSince(first, between)
                : last.perObjectSince(empty, counts.get(0)) + " (one step: includes one-off allocations)";
        System.out.printf("    per pod from %,d to %,d pods: %s%n", counts.get(0), counts.get(counts.size() - 1), slope);
        verdicts.add("memory per pod (" + slope + "); heap holds the watch cache (object bytes, selector fields)"
                + " and its event history");
    }

    private void listPhase(LeanClient http, CpuMeter cpu) throws Exception {
        System.out.printf("%n== 2. LIST latency at %,d pods, %d runs each after %d warm-up runs, one client%n",
                options.pods(), options.listRuns(), options.listWarmups());
        ListProbe probe = new ListProbe(http, cpu);
        profiler.start("lists");
        double worstP99 = 0;
        for (ListProbe.Shape shape : ListProbe.shapes(NAMESPACE)) {
            ListProbe.Result r = probe.run(shape, options.listWarmups(), options.listRuns());
            System.out.printf("  %-36s %s  %,6d items %6.2f MiB  server CPU %5.1f ms/list, allocated %5.1f MiB/list%n",
                    shape.label(), r.latency().text(), r.items(), r.bodyBytes() / 1048576.0,
                    r.cpu().serverMsPer(options.listRuns()),
                    r.cpu().serverAllocatedBytes() / 1048576.0 / options.listRuns());
            worstP99 = Math.max(worstP99, r.latency().p99Ms());
            if (r.problem() != null) {
                System.out.println("    BODY CHECK FAILED: " + r.problem());
                verdicts.add("BROKEN LIST body (" + shape.label() + "): " + r.problem());
            }
        }
        printProfile(profiler.stop());
        verdicts.add(verdict(worstP99 < TARGET_LIST_MS, String.format("LIST: worst p99 %.1f ms (target < %.0f ms)",
                worstP99, TARGET_LIST_MS)));
    }

    private void watchPhase(LeanClient http, CpuMeter cpu) throws Exception {
        System.out.printf("%n== 3. watch delivery: %d watchers (HTTP/2 streams, all namespaces), %,d creates at %d/s"
                + " (after an untimed round of %d)%n", options.watchers(), options.watchEvents(), options.watchRate(),
                SETTLE_WATCH_EVENTS);
        WatchProbe probe = new WatchProbe(http, cpu);
        probe.run(WATCH_NAMESPACE, "settle-watch", options.watchers(), SETTLE_WATCH_EVENTS, options.watchRate());
        profiler.start("watch");
        WatchProbe.Result r = probe.run(WATCH_NAMESPACE, "watch", options.watchers(), options.watchEvents(),
                options.watchRate());
        Path recording = profiler.stop();
        System.out.printf("  sent at %.0f/s; create latency %s%n", r.sentPerSecond(), r.writes().text());
        System.out.printf("  delivery since sent          %s%n", r.sinceSent().text());
        System.out.printf("  delivery since acknowledged  %s (negative: event before the 201)%n",
                r.sinceAcknowledged().text());
        System.out.printf("  missing deliveries %d; watches ended early %d %s%n  %s%n  %s%n", r.missing(),
                r.ended().size(), r.ended().stream().distinct().limit(3).collect(Collectors.toList()), r.cpu().text(),
                r.cpu().perOperation(r.events()));
        printProfile(recording);
        verdicts.add(verdict(r.sinceSent().p99Ms() < TARGET_WATCH_P99_MS && r.missing() == 0, String.format(
                "watch: p99 %.1f ms since sent over %,d deliveries, %d missing (target p99 < %.0f ms)",
                r.sinceSent().p99Ms(), r.sinceSent().count(), r.missing(), TARGET_WATCH_P99_MS)));
    }

    private static void printProfile(Path recording) {
        if (recording != null) {
            System.out.println("  profile: " + recording + " (server/bench/jfr-top.sh " + recording + ")");
        }
    }

    private PodCreator creator(ApiServer server, LeanClient http) {
        return options.client().equals("fabric8") ? new Fabric8Creator(server, options.concurrency())
                : new LeanCreator(http, options.concurrency());
    }

    private ServerConfig config(Path dir) {
        return ServerConfig.defaults(dir).withPort(0).withStorage(options.storage()).withBindAddress("127.0.0.1");
    }

    private static String verdict(boolean met, String text) {
        return (met ? "MET    " : "MISSED ") + text;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
