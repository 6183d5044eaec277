package io.kubesim.server.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * One request shape: what it is called, its path and query, and the {@code Accept} header. With
     * {@code allPages}, one run follows the continue tokens to the last page, as {@code kubectl get}
     * does with its default {@code --chunk-size=500}.
     */
    record Shape(String label, String pathAndQuery, String accept, boolean allPages) {
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
    private static final int LIST_HEAD_BYTES = 1024;
    private static final Pattern CONTINUE = Pattern.compile("\"metadata\":\\{[^}]*\"continue\":\"([^\"]+)\"");

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
                new Shape("namespace, JSON", ns, LeanClient.JSON, false),
                new Shape("all namespaces, JSON", "/api/v1/pods", LeanClient.JSON, false),
                new Shape("namespace, limit=500", ns + "?limit=500", LeanClient.JSON, false),
                new Shape("namespace, kubectl Table", ns, LeanClient.KUBECTL_TABLE, false),
                new Shape("namespace, kubectl Table, limit=500", ns + "?limit=500", LeanClient.KUBECTL_TABLE, false),
                new Shape("kubectl get: Table pages of 500", ns + "?limit=500", LeanClient.KUBECTL_TABLE, true));
    }

    /**
     * Timed runs from sending to the last body byte. Every body is checked outside the timed window:
     * identical bodies by checksum, the first few distinct ones by parsing, so a load generator
     * fault can never pass as a fast server.
     */
    Result run(Shape shape, int warmups, int runs) throws Exception {
        for (int i = 0; i < warmups; i++) {
            fetch(shape);
        }
        Latencies latencies = new Latencies(runs);
        Map<Long, Buffer> distinct = new LinkedHashMap<>();
        CpuMeter.Sample start = cpu.sample();
        Fetched last = null;
        for (int i = 0; i < runs; i++) {
            long sent = System.nanoTime();
            last = fetch(shape);
            latencies.record(System.nanoTime() - sent);
            for (Buffer page : last.pages()) {
                if (distinct.size() < PARSED_BODIES) {
                    distinct.putIfAbsent(checksum(page), page);
                }
            }
        }
        CpuMeter.Usage used = cpu.sample().since(start);
        String problem = null;
        for (Buffer body : distinct.values()) {
            try {
                items(body.getBytes());
            } catch (RuntimeException e) {
                problem = "a " + body.length() + "-byte body is not JSON: " + e.getMessage().lines().findFirst()
                        .orElse("");
            }
        }
        int items = 0;
        int bytes = 0;
        for (Buffer page : last.pages()) {
            items += problem == null ? items(page.getBytes()) : 0;
            bytes += page.length();
        }
        return new Result(shape, latencies.summary(), bytes, items, used, problem);
    }

    /** The body of each page of one run. */
    private record Fetched(List<Buffer> pages) {
    }

    private Fetched fetch(Shape shape) throws Exception {
        List<Buffer> pages = new ArrayList<>();
        String uri = shape.pathAndQuery();
        while (uri != null) {
            Buffer body = http.call(connection, HttpMethod.GET, uri, shape.accept(), null, 200).body();
            pages.add(body);
            String token = shape.allPages() ? continueToken(body) : null;
            uri = token == null ? null : shape.pathAndQuery() + "&continue="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8);
        }
        return new Fetched(pages);
    }

    /** {@code metadata.continue}, which the server writes before the items or rows; null on the last page. */
    private static String continueToken(Buffer body) {
        Matcher m = CONTINUE.matcher(body.getString(0, Math.min(body.length(), LIST_HEAD_BYTES)));
        return m.find() ? m.group(1) : null;
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
