package io.kubesim.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jdk.jfr.Recording;

/**
 * Records one JFR file per measured phase ({@code DIR/<phase>.jfr}) holding only CPU samples
 * ({@code jdk.ExecutionSample} every 10 ms), so that a profile shows the phase and not the warm-up;
 * read them with {@code server/bench/jfr-top.sh}. Only sampling: events that instrument code
 * (allocation samples, monitor events) make the JIT recompile hot paths when a recording starts
 * mid-run. An idle recording opened up front pays JFR's own start-up before anything is measured.
 * Without a directory it records nothing. Not thread-safe; one phase at a time.
 */
final class PhaseProfiler implements AutoCloseable {

    private static final Duration SAMPLE_PERIOD = Duration.ofMillis(10);

    private final Path dir;
    private final Recording idle;
    private Recording current;
    private String phase;

    PhaseProfiler(Path dir) {
        this.dir = dir;
        this.idle = dir == null ? null : new Recording();
        if (idle != null) {
            idle.start();
        }
    }

    void start(String name) throws IOException {
        if (dir == null) {
            return;
        }
        Files.createDirectories(dir);
        Recording r = new Recording();
        r.enable("jdk.ExecutionSample").withPeriod(SAMPLE_PERIOD);
        r.setName(name);
        r.start();
        current = r;
        phase = name;
    }

    /** Stops the phase's recording and returns where it went (null when not recording). */
    Path stop() throws IOException {
        if (current == null) {
            return null;
        }
        Path out = dir.resolve(phase + ".jfr");
        current.stop();
        current.dump(out);
        current.close();
        current = null;
        return out;
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
        }
        if (idle != null) {
            idle.close();
        }
    }
}
