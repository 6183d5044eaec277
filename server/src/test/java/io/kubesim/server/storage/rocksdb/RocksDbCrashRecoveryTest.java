package io.kubesim.server.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.StorageTestSupport;
import io.kubesim.server.storage.StoredObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL and checks that no acknowledged write is lost and that the
 * revision sequence has no holes. The writer runs in a child JVM ({@link CrashWriterMain}) on the
 * test classpath.
 */
class RocksDbCrashRecoveryTest {
    private static final int REQUIRED_ACKS = 2_000;
    private static final long WAIT_SECONDS = 60;
    private static final String EOF = "\u0000EOF";
    private static final Pattern ACK = Pattern.compile("ACK (\\S+) OK");

    @TempDir
    Path dir;

    @Test
    void killDuringWritesLosesNothingAcknowledged() throws Exception {
        Path data = dir.resolve("db");
        Path stderr = dir.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), data.toString(), "8")
                .redirectError(stderr.toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = startPump(child, lines);
        Set<String> acknowledged = new HashSet<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (acknowledged.size() < REQUIRED_ACKS) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null || line.equals(EOF)) {
                    fail("child produced %d acknowledgements before %s; stderr:%n%s", acknowledged.size(),
                            line == null ? "the deadline" : "exiting", Files.readString(stderr));
                }
                addAck(line, acknowledged);
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("child killed").isTrue();
        }
        // Acknowledgements still in the pipe when the child died count as well.
        for (String line; !(line = pollOrFail(lines)).equals(EOF); ) {
            addAck(line, acknowledged);
        }
        pump.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

        try (RocksDbStorage reopened = RocksDbStorage.open(data)) {
            long current = reopened.currentRevision();
            Map<String, StoredObject> stored = StorageTestSupport.join(reopened.list("/registry/crash/", null, 0))
                    .items().stream().collect(Collectors.toMap(StoredObject::key, Function.identity()));
            assertThat(stored.keySet()).as("every acknowledged key survives").containsAll(acknowledged);
            assertThat((long) stored.size()).as("one object per revision (only creates)").isEqualTo(current);
            List<StorageEvent> events = StorageTestSupport.join(reopened.eventsAfter(0, null, 0));
            assertThat(events).extracting(StorageEvent::revision).as("revisions 1..current without holes")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, current).boxed().toList());
            for (StorageEvent event : events) {
                assertThat(stored.get(event.key()).modRevision()).isEqualTo(event.revision());
            }
            assertThat(StorageTestSupport.join(reopened.create("/registry/after-crash", r -> new byte[] {1})).revision())
                    .isEqualTo(current + 1);
        }
    }

    private static void addAck(String line, Set<String> acknowledged) {
        Matcher matcher = ACK.matcher(line);
        assertThat(matcher.matches()).as("child output line %s", line).isTrue();
        acknowledged.add(matcher.group(1));
    }

    private static String pollOrFail(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
            fail("child output did not end after it was killed");
        }
        return line;
    }

    /** Copies the child's stdout lines to {@code lines}, then {@link #EOF}. */
    private static Thread startPump(Process child, BlockingQueue<String> lines) {
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = child.inputReader(StandardCharsets.UTF_8)) {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                lines.add(EOF);
            }
        }, "crash-test-stdout");
        pump.setDaemon(true);
        pump.start();
        return pump;
    }
}
