package io.kubesim.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Heap in use after full collections, and the process's resident set, so per-object memory can be
 * read off as the difference between two points divided by the objects created in between.
 * Stateless; only call it while no load runs, or the live set includes requests in flight.
 */
final class MemoryProbe {

    private static final int COLLECTIONS = 3;

    private MemoryProbe() {
    }

    /** Live heap after {@value #COLLECTIONS} full collections (G1 runs a full GC for {@code System.gc()}). */
    static Point measure() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return new Point(used, residentBytes());
    }

    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** One measurement; {@code residentBytes} is -1 where {@code /proc} is unavailable. */
    record Point(long heapBytes, long residentBytes) {

        /** Bytes per object between {@code earlier} and this point, heap and resident set. */
        String perObjectSince(Point earlier, int objects) {
            return String.format("heap %+.1f MiB = %,.0f B/pod; RSS %+.1f MiB = %,.0f B/pod",
                    (heapBytes - earlier.heapBytes) / 1048576.0, (heapBytes - earlier.heapBytes) / (double) objects,
                    (residentBytes - earlier.residentBytes) / 1048576.0,
                    (residentBytes - earlier.residentBytes) / (double) objects);
        }

        String text() {
            return String.format("heap after GC %.1f MiB, RSS %.1f MiB", heapBytes / 1048576.0,
                    residentBytes / 1048576.0);
        }
    }
}
