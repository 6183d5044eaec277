package io.kubesim.server.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code kubectl} binary against a test server, with its own discovery cache
 * directory (kubectl caches discovery for hours, across server restarts) and a bound on every run.
 */
public final class Kubectl {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Path kubeconfig;
    private final Path cacheDir;

    public Kubectl(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
        try {
            this.cacheDir = Files.createTempDirectory("kubectl-cache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result of one run. */
    public record Result(int exitCode, String stdout, String stderr) {
        public Result assertOk() {
            if (exitCode != 0) {
                throw new AssertionError("kubectl failed (exit " + exitCode + "):\n" + stderr + "\n" + stdout);
            }
            return this;
        }
    }

    public Result run(String... args) {
        return run(null, DEFAULT_TIMEOUT, args);
    }

    /** Runs with extra environment variables, e.g. {@code EDITOR} for {@code kubectl edit}. */
    public Result run(Map<String, String> env, String... args) {
        return run(start(env, args), null, DEFAULT_TIMEOUT, args);
    }

    /** Runs with {@code stdin} (may be null) fed to the process. */
    public Result run(String stdin, Duration timeout, String... args) {
        return run(start(args), stdin, timeout, args);
    }

    private static Result run(Process p, String stdin, Duration timeout, String... args) {
        try {
            CompletableFuture<String> out = read(p.getInputStream());
            CompletableFuture<String> err = read(p.getErrorStream());
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in " + timeout);
            }
            return new Result(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts kubectl without waiting, e.g. for {@code get -w}; the caller must destroy it. */
    public Process start(String... args) {
        return start(Map.of(), args);
    }

    private Process start(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("kubectl");
        cmd.add("--kubeconfig=" + kubeconfig);
        cmd.add("--cache-dir=" + cacheDir);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().putAll(env);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kubectl (is it installed?)", e);
        }
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /** Deletes the cache directory. */
    public void cleanUp() {
        TestServer.deleteRecursively(cacheDir);
    }
}
