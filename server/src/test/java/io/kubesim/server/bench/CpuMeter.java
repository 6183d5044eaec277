package io.kubesim.server.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits the CPU the benchmark JVM spends in a phase into the API server's threads, the load
 * generator's threads, and the rest of the process (GC, JIT and RocksDB's native threads, which are
 * not Java threads), and reports what other processes on the machine used meanwhile, so a noisy
 * machine shows in the figures. Server threads are the Vert.x threads alive right after the server
 * started (before any client existed) plus the server's lazily created pools. Immutable; samples
 * may be taken from any thread.
 */
final class CpuMeter {

    private static final List<String> LAZY_SERVER_PREFIXES = List.of("storage-", "api-list");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Set<Long> serverThreads;

    private CpuMeter(Set<Long> serverThreads) {
        this.serverThreads = serverThreads;
    }

    /** Call right after the server started and before any client is built. */
    static CpuMeter afterServerStart() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Set<Long> ids = new HashSet<>();
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("vert.x-")) {
                ids.add(t.getThreadId());
            }
        }
        return new CpuMeter(Set.copyOf(ids));
    }

    Sample sample() {
        Map<Long, ThreadCpu> perThread = new HashMap<>();
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        long[] allocated = ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = threads.getThreadCpuTime(ids[i]);
            if (infos[i] != null && cpu >= 0) {
                perThread.put(ids[i], new ThreadCpu(infos[i].getThreadName(), isServer(ids[i], infos[i]), cpu,
                        Math.max(0, allocated[i])));
            }
        }
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        return new Sample(perThread, processCpuNanos(), gcMillis, jitMillis, MachineCpu.read(), System.nanoTime());
    }

    private boolean isServer(long id, ThreadInfo info) {
        return serverThreads.contains(id) || LAZY_SERVER_PREFIXES.stream().anyMatch(info.getThreadName()::startsWith);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU and bytes allocated by one thread at sample time. */
    record ThreadCpu(String name, boolean server, long cpuNanos, long allocatedBytes) {
    }

    /** A point in time. */
    record Sample(Map<Long, ThreadCpu> threads, long processNanos, long gcMillis, long jitMillis, MachineCpu machine,
                  long wallNanos) {

        /** CPU used from {@code start} to this sample. Threads that ended in between are lost (none do here). */
        Usage since(Sample start) {
            long server = 0;
            long client = 0;
            long serverAllocated = 0;
            List<Map.Entry<String, Long>> perThread = new ArrayList<>();
            for (Map.Entry<Long, ThreadCpu> e : threads.entrySet()) {
                ThreadCpu before = start.threads.get(e.getKey());
                long used = e.getValue().cpuNanos() - (before == null ? 0 : before.cpuNanos());
                if (e.getValue().server()) {
                    server += used;
                    serverAllocated += e.getValue().allocatedBytes() - (before == null ? 0 : before.allocatedBytes());
                } else {
                    client += used;
                }
                perThread.add(Map.entry((e.getValue().server() ? "server " : "client ") + e.getValue().name(), used));
            }
            perThread.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
            long process = processNanos - start.processNanos;
            long wall = wallNanos - start.wallNanos;
            double machineCores = machine.busyCores(start.machine, wall);
            return new Usage(wall, server, client, Math.max(0, process - server - client),
                    Math.max(0, machineCores - process / (double) wall), machine.stealCores(start.machine, wall),
                    serverAllocated, gcMillis - start.gcMillis, jitMillis - start.jitMillis, perThread);
        }
    }

    /**
     * CPU of a phase in nanoseconds; {@code othersCores} is the average number of cores other processes kept busy
     * and {@code stealCores} what the hypervisor took, {@code serverAllocatedBytes} what the server's threads
     * allocated, {@code gcMillis} the collectors' time and {@code jitMillis} the JIT compilers' (still compiling
     * means the figures are not steady state yet).
     */
    record Usage(long wallNanos, long serverNanos, long clientNanos, long jvmNativeNanos, double othersCores,
                 double stealCores, long serverAllocatedBytes, long gcMillis, long jitMillis,
                 List<Map.Entry<String, Long>> perThread) {

        private double cores(long nanos) {
            return nanos / (double) wallNanos;
        }

        String text() {
            return String.format("CPU (cores busy on average): server %.2f, load generator %.2f, GC/JIT/native %.2f;"
                            + " other processes %.2f, steal %.2f", cores(serverNanos), cores(clientNanos),
                    cores(jvmNativeNanos), othersCores, stealCores);
        }

        /** Per operation: server CPU, load generator CPU, server allocation. */
        String perOperation(int operations) {
            return String.format("per op: server CPU %.3f ms, load generator CPU %.3f ms, server allocated %,.0f KiB;"
                            + " in the phase: GC %d ms, JIT compiling %d ms", serverMsPer(operations),
                    clientNanos / 1e6 / operations, serverAllocatedBytes / 1024.0 / operations, gcMillis, jitMillis);
        }

        /** Server CPU milliseconds per operation. */
        double serverMsPer(int operations) {
            return serverNanos / 1e6 / operations;
        }
    }

    /**
     * Busy and stolen jiffies of the whole machine from {@code /proc/stat}; zeros where it is
     * unreadable. Busy excludes steal (time the hypervisor gave to other machines), which is
     * reported apart.
     */
    record MachineCpu(long busyTicks, long stealTicks) {

        private static final double TICKS_PER_SECOND = 100.0;

        static MachineCpu read() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i : new int[] {1, 2, 3, 6, 7}) {
                    busy += Long.parseLong(f[i]);
                }
                return new MachineCpu(busy, f.length > 8 ? Long.parseLong(f[8]) : 0);
            } catch (IOException | RuntimeException e) {
                return new MachineCpu(0, 0);
            }
        }

        /** Average busy cores since {@code start} (USER_HZ is 100 on Linux). */
        double busyCores(MachineCpu start, long wallNanos) {
            return (busyTicks - start.busyTicks) / TICKS_PER_SECOND / (wallNanos / 1e9);
        }

        double stealCores(MachineCpu start, long wallNanos) {
            return (stealTicks - start.stealTicks) / TICKS_PER_SECOND / (wallNanos / 1e9);
        }
    }
}
