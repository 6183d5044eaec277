package io.kubesim.server.bench;

import java.util.Arrays;

/**
 * Collects latency samples in nanoseconds and summarises them by nearest-rank percentiles.
 * Thread-safe (samples arrive from many load threads; contention is negligible at these rates).
 */
final class Latencies {

    private long[] nanos;
    private int count;

    Latencies(int expected) {
        nanos = new long[Math.max(16, expected)];
    }

    synchronized void record(long sampleNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = sampleNanos;
    }

    void addAll(Latencies other) {
        long[] theirs;
        synchronized (other) {
            theirs = Arrays.copyOf(other.nanos, other.count);
        }
        for (long n : theirs) {
            record(n);
        }
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, rank(sorted, 0.50), rank(sorted, 0.99), count == 0 ? 0 : sorted[count - 1]);
    }

    private static long rank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, i)];
    }

    /** Percentiles of a sample set, in nanoseconds. */
    record Summary(int count, long p50, long p99, long max) {

        double p50Ms() {
            return p50 / 1e6;
        }

        double p99Ms() {
            return p99 / 1e6;
        }

        double maxMs() {
            return max / 1e6;
        }

        String text() {
            return String.format("p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (n=%d)", p50Ms(), p99Ms(), maxMs(), count);
        }
    }
}
