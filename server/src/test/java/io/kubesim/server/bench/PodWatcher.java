package io.kubesim.server.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * One streaming pod watch (newline-delimited JSON over HTTP/2, as kubectl and client-go read it)
 * that stamps {@link System#nanoTime()} on every ADDED event of a pod whose name starts with the
 * given prefix, the moment the client has the complete line. Thread-safe: lines arrive on one
 * event loop; results may be read from any thread.
 */
final class PodWatcher {

    private static final String ADDED = "{\"type\":\"ADDED\"";
    private static final String NAME = "\"metadata\":{\"name\":\"";
    /** The event type and the pod's name are within the first bytes of a frame. */
    private static final int HEAD_BYTES = 256;

    private final String prefix;
    private final LeanClient.Connection connection;
    private final Map<String, Long> received = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile String ended;

    PodWatcher(String prefix, LeanClient.Connection connection) {
        this.prefix = prefix;
        this.connection = connection;
    }

    /** Starts the watch; completes once the server answered 200 and the stream is being read. */
    Future<Void> open(LeanClient http, String uri) {
        return http.stream(connection, uri, this::onLine, why -> ended = why);
    }

    private void onLine(Buffer line) {
        long now = System.nanoTime();
        String head = line.getString(0, Math.min(line.length(), HEAD_BYTES));
        if (!head.startsWith(ADDED)) {
            return;
        }
        // The server writes metadata.name first (Go struct order), so no JSON parse is needed here.
        int at = head.indexOf(NAME);
        int start = at + NAME.length();
        int end = at < 0 ? -1 : head.indexOf('"', start);
        if (end < 0) {
            return;
        }
        String name = head.substring(start, end);
        if (name.startsWith(prefix) && received.putIfAbsent(name, now) == null) {
            count.incrementAndGet();
        }
    }

    /** Number of distinct matching pods seen. */
    int count() {
        return count.get();
    }

    /** When the event for {@code name} arrived, or null if it has not. */
    Long receivedAt(String name) {
        return received.get(name);
    }

    /** Why the stream ended early, or null while it is open. */
    String ended() {
        return ended;
    }

    void close() {
        connection.close();
    }
}
