package io.kubesim.server.bench;

import java.util.List;

import io.kubesim.server.json.Json;
import io.vertx.core.http.HttpClient;
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

    /** Timings of one shape, the body size and how many items (or table rows) it returned. */
    record Result(Shape shape, Latencies.Summary latency, int bodyBytes, int items, CpuMeter.Usage cpu) {
    }

    private final LeanClient http;
    private final HttpClient connection;
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

    Result run(Shape shape, int warmups, int runs) throws Exception {
        LeanClient.Response last = null;
        for (int i = 0; i < warmups; i++) {
            last = get(shape);
        }
        Latencies latencies = new Latencies(runs);
        CpuMeter.Sample start = cpu.sample();
        for (int i = 0; i < runs; i++) {
            long sent = System.nanoTime();
            last = get(shape);
            latencies.record(System.nanoTime() - sent);
        }
        CpuMeter.Usage used = cpu.sample().since(start);
        return new Result(shape, latencies.summary(), last.body().length(), items(last.body().getBytes()), used);
    }

    private LeanClient.Response get(Shape shape) throws Exception {
        return http.call(connection, HttpMethod.GET, shape.pathAndQuery(), shape.accept(), null, 200);
    }

    private static int items(byte[] body) {
        JsonNode list = Json.parse(body);
        JsonNode items = list.has("rows") ? list.get("rows") : list.get("items");
        return items == null ? 0 : items.size();
    }
}
