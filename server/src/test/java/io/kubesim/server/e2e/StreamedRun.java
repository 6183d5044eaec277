package io.kubesim.server.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * A long-running kubectl (e.g. {@code get -w}) whose stdout and stderr are collected as they
 * arrive, so a test can wait, with a bound, until some output has appeared. Closing it destroys
 * the process. Thread-safe: output is appended by reader threads and read under the monitor.
 */
public final class StreamedRun implements AutoCloseable {

    private final Process process;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();

    private StreamedRun(Process process) {
        this.process = process;
        pump(process.getInputStream(), out, "kubectl-stdout");
        pump(process.getErrorStream(), err, "kubectl-stderr");
    }

    public static StreamedRun start(Kubectl kubectl, String... args) {
        return new StreamedRun(kubectl.start(args));
    }

    private void pump(InputStream in, StringBuilder sink, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    String chunk = new String(buf, 0, n, StandardCharsets.UTF_8);
                    synchronized (this) {
                        sink.append(chunk);
                    }
                }
            } catch (IOException ignored) {
                // the process was destroyed: the output so far stays available
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    public synchronized String stdout() {
        return out.toString();
    }

    public synchronized String stderr() {
        return err.toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The complete lines of stdout so far. */
    public List<String> lines() {
        return completeLines(stdout());
    }

    private static List<String> completeLines(String s) {
        int end = s.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(s.substring(0, end).split("\n"));
    }

    /** Waits until stdout satisfies {@code condition}; fails with the output after {@code bound}. */
    public void awaitStdout(Predicate<String> condition, Duration bound) {
        Awaitility.await().atMost(bound).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            String now = stdout();
            if (!condition.test(now)) {
                String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
                throw new AssertionError("kubectl " + state + "; stdout so far:\n" + now + "\nstderr:\n" + stderr());
            }
        });
    }

    /** Waits until some complete stdout line satisfies {@code condition}. */
    public void awaitLine(Predicate<String> condition, Duration bound) {
        awaitStdout(s -> completeLines(s).stream().anyMatch(condition), bound);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
