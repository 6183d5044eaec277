package io.kubesim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * A streaming response (a watch) read line by line on a daemon thread, so a test can wait for the
 * next line or for the end of the stream with a bound. Each line must be one complete JSON object.
 * Close it to drop the connection. Thread-safe.
 */
final class EventStream implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final String END = "\u0000end";

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile long endedAtNanos;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::pump, "event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends {@code request}; fails unless the response headers arrive within {@link #WAIT}. */
    static EventStream open(HttpClient client, HttpRequest request) {
        try {
            return new EventStream(client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            throw new AssertionError("no response headers within " + WAIT + " for " + request.uri(), e);
        }
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next line as JSON; fails if none arrives within {@link #WAIT} or the stream ended. */
    JsonNode next() {
        String line = poll(WAIT);
        assertThat(line).as("a line within %s", WAIT).isNotNull();
        assertThat(line).as("a line before the end of the stream").isNotEqualTo(END);
        return Json.parse(line);
    }

    /** Asserts that {@code event} is a {@code type} event for the object called {@code name}. */
    static void assertEvent(JsonNode event, String type, String name) {
        assertThat(event.path("type").asString()).isEqualTo(type);
        assertThat(event.path("object").path("metadata").path("name").asString()).isEqualTo(name);
        assertThat(event.path("object").path("metadata").path("resourceVersion").asString()).isNotEmpty();
    }

    /** The next raw line, {@link #END} at the end, or null when nothing arrives within {@code wait}. */
    String poll(Duration wait) {
        try {
            String line = lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (END.equals(line)) {
                lines.add(END);
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** True when nothing but the end of the stream arrives within {@code wait}. */
    boolean endsWithin(Duration wait) {
        String line = poll(wait);
        assertThat(line).as("no further event before the end").isIn(END, null);
        return END.equals(line);
    }

    /** When the stream ended ({@link System#nanoTime()}), or 0 while it is open. */
    long endedAtNanos() {
        return endedAtNanos;
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the connection was dropped (closed by the test or reset): the stream has ended
        } finally {
            endedAtNanos = System.nanoTime();
            lines.add(END);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
