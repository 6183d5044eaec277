package io.kubesim.server.storage.bench;

import io.kubesim.server.storage.Storage;
import io.kubesim.server.storage.rocksdb.RocksDbStorage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures durable create throughput of {@link RocksDbStorage} with 1, 8 and 64 concurrent writers,
 * each issuing one create at a time and waiting for it (so concurrency equals writers), with a
 * ~300-byte value. Prints writes/s and p50/p99 latency. Not a test; run it from the repository root:
 * <pre>
 * mvn -q -o -pl server test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp "$(cat server/cp.txt):server/target/classes:server/target/test-classes" \
 *     io.kubesim.server.storage.bench.StorageBench [secondsPerRun] [dataParentDir]
 * </pre>
 * The data goes to a fresh temporary directory per run (under {@code dataParentDir} if given), which
 * is deleted afterwards.
 */
public final class StorageBench {
    private static final List<Integer> WRITERS = List.of(1, 8, 64);

    private final byte[] payload = ("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"data\":{\"k\":\""
            + "x".repeat(240) + "\"}}").getBytes(StandardCharsets.UTF_8);
    private final int seconds;

    private StorageBench(int seconds) {
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path parent = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"));
        System.out.printf("RocksDbStorage durable creates, %d s per run, data under %s%n", seconds, parent);
        System.out.printf("raw fsync of a 100-byte append here: p50 %.3f ms%n", probeSyncMillis(parent));
        System.out.printf("%8s %12s %10s %10s %10s%n", "writers", "writes/s", "p50 ms", "p99 ms", "writes");
        StorageBench bench = new StorageBench(seconds);
        for (int writers : WRITERS) {
            Path dir = Files.createTempDirectory(parent, "storage-bench-");
            try {
                bench.run(dir, writers);
            } finally {
                deleteRecursively(dir);
            }
        }
    }

    private void run(Path dir, int writers) throws Exception {
        try (Storage storage = RocksDbStorage.open(dir)) {
            measure(storage, writers, 1, "warmup");
            long started = System.nanoTime();
            long[] latencies = measure(storage, writers, seconds, "run");
            double elapsed = (System.nanoTime() - started) / 1e9;
            Arrays.sort(latencies);
            System.out.printf("%8d %12.0f %10.3f %10.3f %10d%n", writers, latencies.length / elapsed,
                    percentile(latencies, 0.50) / 1e6, percentile(latencies, 0.99) / 1e6, latencies.length);
        }
    }

    /** Runs {@code writers} create loops for {@code runSeconds}; returns every latency in nanoseconds. */
    private long[] measure(Storage storage, int writers, int runSeconds, String phase) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(runSeconds);
            List<Future<long[]>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String prefix = "/registry/configmaps/" + phase + "/w" + w + "-";
                results.add(pool.submit(() -> writeLoop(storage, prefix, deadline)));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> result : results) {
                all.add(result.get(runSeconds + 60L, TimeUnit.SECONDS));
            }
            return all.stream().flatMapToLong(Arrays::stream).toArray();
        } finally {
            pool.shutdownNow();
        }
    }

    private long[] writeLoop(Storage storage, String prefix, long deadline) throws Exception {
        long[] latencies = new long[1024];
        int count = 0;
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            storage.create(prefix + count, revision -> payload).get(60, TimeUnit.SECONDS);
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = System.nanoTime() - start;
        }
        return Arrays.copyOf(latencies, count);
    }

    /** The median cost of one small synced append on this disk, to put the figures in context. */
    private static double probeSyncMillis(Path parent) throws IOException {
        Path file = Files.createTempFile(parent, "storage-bench-sync-", ".probe");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long[] latencies = new long[200];
            for (int i = 0; i < latencies.length; i++) {
                long start = System.nanoTime();
                channel.write(ByteBuffer.allocate(100));
                channel.force(false);
                latencies[i] = System.nanoTime() - start;
            }
            Arrays.sort(latencies);
            return percentile(latencies, 0.5) / 1e6;
        } finally {
            Files.delete(file);
        }
    }

    private static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
