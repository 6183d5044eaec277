package io.kubesim.server.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import io.kubesim.server.json.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Times LIST requests one after another on one connection, as a single client (kubectl, an
 * informer's initial list) issues them: untimed warm-up runs, then timed runs from sending to the
 * last body byte. Stateless apart from its connection; not thread-safe.
 */
final class ListProbe {

    /** One request shape: what it is called, its path and query, and the {@code Accept} header. */
    record Shape(String label, String pathAndQuery, String accept) {
    }

    /**
     * Timings of one shape, the body size, how many items (or table rows) it returned, and whether
     * every body was well-formed JSON ({@code problem} is null then).
     */
    record Result(Shape shape, Latencies.Summary latency, int bodyBytes, int items, CpuMeter.Usage cpu,
                  String problem) {
    }

    /** Distinct bodies parsed per shape at most; tables differ from run to run as ages tick. */
    private static final int PARSED_BODIES = 3;

    private final LeanClient http;
    private final LeanClient.Connection connection;
    private final CpuMeter cpu;

    ListProbe(LeanClient http, CpuMeter cpu) {
        this.http = http;
        this.connection = http.connection();
        this.cpu = cpu;
    }

    /** The shapes of issue 2's LIST figures for a namespace of pods. */
    static List<Shape> shapes(String namespace) {
        String ns = PodBodies.path(namespace);
        return List.of(
                new Shape("namespace, JSON", ns, LeanClient.JSON),
                new Shape("all namespaces, JSON", "/api/v1/pods", LeanClient.JSON),
                new Shape("namespace, limit=500", ns + "?limit=500", LeanClient.JSON),
                new Shape("namespace, kubectl Table", ns, LeanClient.KUBECTL_TABLE),
                new Shape("namespace, kubectl Table, limit=500", ns + "?limit=500", LeanClient.KUBECTL_TABLE));
    }

    /**
     * Timed runs from sending to the last body byte. Every body is checked outside the timed window:
     * identical bodies by checksum, the first few distinct ones by parsing, so a load generator
     * fault can never pass as a fast server.
     */
    Result run(Shape shape, int warmups, int runs) throws Exception {
        for (int i = 0; i < warmups; i++) {
            get(shape);
        }
        Latencies latencies = new Latencies(runs);
        Map<Long, Buffer> distinct = new LinkedHashMap<>();
        CpuMeter.Sample start = cpu.sample();
        Buffer last = null;
        for (int i = 0; i < runs; i++) {
            long sent = System.nanoTime();
            last = get(shape).body();
            latencies.record(System.nanoTime() - sent);
            if (distinct.size() < PARSED_BODIES) {
                distinct.putIfAbsent(checksum(last), last);
            }
        }
        CpuMeter.Usage used = cpu.sample().since(start);
        int items = -1;
        String problem = null;
        for (Buffer body : distinct.values()) {
            try {
                items = items(body.getBytes());
            } catch (RuntimeException e) {
                problem = "a " + body.length() + "-byte body is not JSON: " + e.getMessage().lines().findFirst()
                        .orElse("");
            }
        }
        return new Result(shape, latencies.summary(), last.length(), items, used, problem);
    }

    private LeanClient.Response get(Shape shape) throws Exception {
        return http.call(connection, HttpMethod.GET, shape.pathAndQuery(), shape.accept(), null, 200);
    }

    private static long checksum(Buffer body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes());
        return crc.getValue();
    }

    private static int items(byte[] body) {
        JsonNode list = Json.parse(body);
        JsonNode items = list.has("rows") ? list.get("rows") : list.get("items");
        return items == null ? 0 : items.size();
    }
}
