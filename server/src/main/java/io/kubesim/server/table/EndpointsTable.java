package io.kubesim.server.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get endpoints}: NAME, ENDPOINTS ({@code 10.0.0.1:80,10.0.0.2:80 + 3 more...}, or
 * {@code <none>} without subsets), AGE. Stateless.
 */
public final class EndpointsTable implements TableConvertor {

    private static final int MAX_SHOWN = 3;

    private static final List<ColumnDefinition> COLUMNS = List.of(
            CommonColumns.NAME,
            ColumnDefinition.string("Endpoints", "The set of all endpoints is the union of all subsets."),
            CommonColumns.AGE);

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode endpoints, Instant now) {
        return List.of(Fields.name(endpoints), format(endpoints), Fields.age(endpoints, now));
    }

    /**
     * Up to three {@code ip:port} pairs (every address with every port of its subset, or bare IPs
     * for subsets without ports), then {@code + N more...} counting all pairs not shown. Only
     * ready {@code addresses} are listed, not {@code notReadyAddresses}.
     */
    static String format(JsonNode endpoints) {
        List<JsonNode> subsets = Fields.items(endpoints, "subsets");
        if (subsets.isEmpty()) {
            return "<none>";
        }
        List<String> shown = new ArrayList<>();
        int count = 0;
        for (JsonNode subset : subsets) {
            List<JsonNode> addresses = Fields.items(subset, "addresses");
            List<JsonNode> ports = Fields.items(subset, "ports");
            if (ports.isEmpty()) {
                count += addresses.size();
                addresses.stream().limit(Math.max(0, MAX_SHOWN - shown.size()))
                        .forEach(a -> shown.add(Fields.text(a, "ip")));
                continue;
            }
            for (JsonNode port : ports) {
                count += addresses.size();
                addresses.stream().limit(Math.max(0, MAX_SHOWN - shown.size()))
                        .forEach(a -> shown.add(hostPort(Fields.text(a, "ip"), Fields.integer(port, "port"))));
            }
        }
        String list = String.join(",", shown);
        return count > MAX_SHOWN ? list + " + " + (count - MAX_SHOWN) + " more..." : list;
    }

    /** Go's {@code net.JoinHostPort}: IPv6 addresses get brackets. */
    private static String hostPort(String ip, long port) {
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }
}
