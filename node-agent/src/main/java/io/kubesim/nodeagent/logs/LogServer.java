package io.kubesim.nodeagent.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * The kubelet's container log endpoint, {@code GET /containerLogs/{namespace}/{pod}/{container}},
 * over plain HTTP on a loopback port shared by all simulated nodes (the API server's
 * {@code pods/log} proxies here). Output is {@link SimulatedLog}; the query options are the
 * kubelet's ({@code follow}, {@code previous}, {@code timestamps}, {@code tailLines},
 * {@code sinceSeconds}, {@code sinceTime}, {@code limitBytes}) and errors are worded as the
 * kubelet words them. A follow stream checks the pod every poll interval, writes the lines
 * produced meanwhile and ends when the container stops, the pod goes away or the client leaves.
 * Uses the JDK's HTTP server with one thread per request, which long-lived follow streams need.
 * Thread-safe.
 */
public final class LogServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogServer.class);
    private static final String PREFIX = "/containerLogs/";
    /** The kubelet's log timestamp format: RFC 3339 with nine fractional digits. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** Where the server finds the pods of this agent's nodes. */
    @FunctionalInterface
    public interface PodDirectory {

        /** The pod {@code namespace/name} if it is bound to one of this agent's nodes. */
        Optional<Pod> find(String namespace, String name);
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final PodDirectory pods;
    private final Clock clock;
    private final Duration poll;

    /**
     * @param port 0 picks a free port
     * @param poll how often follow streams look for new output (one second, as lines are produced)
     */
    public LogServer(String host, int port, PodDirectory pods, Clock clock, Duration poll) {
        this.pods = pods;
        this.clock = clock;
        this.poll = poll;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kubelet-logs");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("GET")) {
                text(ex, 405, "405: Method Not Allowed");
                return;
            }
            String[] parts = ex.getRequestURI().getRawPath().substring(PREFIX.length()).split("/", -1);
            String namespace = parts.length > 0 ? decode(parts[0]) : "";
            String podName = parts.length > 1 ? decode(parts[1]) : "";
            String container = parts.length > 2 ? decode(parts[2]) : "";
            if (podName.isEmpty()) {
                text(ex, 400, "{\"message\": \"Missing podID.\"}");
            } else if (container.isEmpty()) {
                text(ex, 400, "{\"message\": \"Missing container name.\"}");
            } else if (namespace.isEmpty()) {
                text(ex, 400, "{\"message\": \"Missing podNamespace.\"}");
            } else {
                serve(ex, namespace, podName, container);
            }
        }
    }

    private void serve(HttpExchange ex, String namespace, String podName, String container) throws IOException {
        ContainerRun run;
        LogRequest request;
        try {
            request = LogRequest.parse(query(ex.getRequestURI().getRawQuery()), clock.instant());
            Pod pod = pods.find(namespace, podName).orElseThrow(
                    () -> new LogRequest.Invalid(404, "pod \"" + podName + "\" does not exist"));
            run = ContainerLogs.resolve(pod, container, request.previous());
        } catch (LogRequest.Invalid e) {
            text(ex, e.code(), e.getMessage());
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "text/plain");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        Writer writer = new Writer(out, request);
        try {
            List<LogLine> lines = SimulatedLog.lines(run, clock.instant());
            lines = lines.stream().filter(l -> request.since() == null || !l.time().isBefore(request.since())).toList();
            if (request.tailLines() != null && lines.size() > request.tailLines()) {
                lines = lines.subList(lines.size() - request.tailLines().intValue(), lines.size());
            }
            Instant last = run.startedAt().minusNanos(1);
            for (LogLine l : lines) {
                if (!writer.write(l)) {
                    return;
                }
                last = l.time();
            }
            out.flush();
            if (request.follow() && run.running()) {
                follow(writer, out, namespace, podName, container, run, last);
            }
        } catch (IOException e) {
            LOG.debug("log stream of {}/{}/{} closed: {}", namespace, podName, container, e.getMessage());
        }
    }

    private void follow(Writer writer, OutputStream out, String namespace, String podName, String container,
                        ContainerRun run, Instant after) throws IOException {
        Instant last = after;
        ContainerRun current = run;
        while (true) {
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Optional<Pod> pod = pods.find(namespace, podName);
            boolean stopped = pod.isEmpty();
            if (pod.isPresent()) {
                try {
                    ContainerRun now = ContainerLogs.resolve(pod.get(), container, false);
                    stopped = !now.running() || !now.containerId().equals(run.containerId());
                    if (now.containerId().equals(run.containerId())) {
                        current = now;
                    }
                } catch (LogRequest.Invalid e) {
                    stopped = true;
                }
            }
            for (LogLine l : SimulatedLog.lines(current, clock.instant())) {
                if (l.time().isAfter(last)) {
                    if (!writer.write(l)) {
                        return;
                    }
                    last = l.time();
                }
            }
            out.flush();
            if (stopped) {
                return;
            }
        }
    }

    /** Writes lines with the request's timestamp option up to its byte limit. Not thread-safe. */
    private static final class Writer {

        private final OutputStream out;
        private final LogRequest request;
        private long written;

        Writer(OutputStream out, LogRequest request) {
            this.out = out;
            this.request = request;
        }

        /** Writes one line; false once the byte limit is reached. */
        boolean write(LogLine line) throws IOException {
            String text = (request.timestamps() ? TIMESTAMP.format(line.time()) + " " : "") + line.text() + "\n";
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int length = bytes.length;
            if (request.limitBytes() != null) {
                long left = request.limitBytes() - written;
                if (left <= 0) {
                    return false;
                }
                length = (int) Math.min(length, left);
            }
            out.write(bytes, 0, length);
            written += length;
            return request.limitBytes() == null || written < request.limitBytes();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            q.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return q;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void text(HttpExchange ex, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
