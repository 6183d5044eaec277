package io.kubesim.server.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get services}: NAME, TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S), AGE, and with
 * {@code -o wide} SELECTOR. Stateless.
 *
 * <p>EXTERNAL-IP is never clipped: kube-apiserver renders tables in wide mode, where the printer's
 * 16-character load-balancer abbreviation does not apply.
 */
public final class ServiceTable implements TableConvertor {

    private static final String NONE = "<none>";

    private static final List<ColumnDefinition> COLUMNS = List.of(
            CommonColumns.NAME,
            ColumnDefinition.string("Type", "type determines how the Service is exposed."),
            ColumnDefinition.string("Cluster-IP",
                    "clusterIP is the IP address of the service and is usually assigned randomly."),
            ColumnDefinition.string("External-IP", "externalIPs is a list of IP addresses for which nodes in the"
                    + " cluster will also accept traffic for this service."),
            ColumnDefinition.string("Port(s)", "The list of ports that are exposed by this service."),
            CommonColumns.AGE,
            ColumnDefinition.string("Selector", "Route service traffic to pods with label keys and values matching"
                    + " this selector.").wide());

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode service, Instant now) {
        JsonNode spec = Fields.at(service, "spec");
        // Defaulting makes type ClusterIP on a real server; an undefaulted object prints the same.
        String type = Fields.or(Fields.text(spec, "type"), "ClusterIP");
        return List.of(
                Fields.name(service),
                type,
                clusterIp(spec),
                externalIp(service, type),
                Fields.or(ports(spec), NONE),
                Fields.age(service, now),
                LabelFormat.formatLabels(Fields.at(spec, "selector")));
    }

    /** The first of {@code clusterIPs} (which a real server derives from {@code clusterIP}). */
    private static String clusterIp(JsonNode spec) {
        List<JsonNode> ips = Fields.items(spec, "clusterIPs");
        String ip = ips.isEmpty() ? Fields.text(spec, "clusterIP") : ips.get(0).isString() ? ips.get(0).asString() : "";
        return Fields.or(ip, NONE);
    }

    private static String externalIp(JsonNode service, String type) {
        JsonNode spec = Fields.at(service, "spec");
        List<String> externalIps = strings(Fields.items(spec, "externalIPs"));
        return switch (type) {
            case "ClusterIP", "NodePort" -> externalIps.isEmpty() ? NONE : String.join(",", externalIps);
            case "LoadBalancer" -> {
                List<String> all = new ArrayList<>(loadBalancerIngress(service));
                all.addAll(externalIps);
                yield all.isEmpty() ? "<pending>" : String.join(",", all);
            }
            case "ExternalName" -> Fields.text(spec, "externalName");
            default -> "<unknown>";
        };
    }

    /** Distinct ingress IPs (or hostnames where there is no IP), sorted. */
    private static TreeSet<String> loadBalancerIngress(JsonNode service) {
        TreeSet<String> result = new TreeSet<>();
        for (JsonNode ingress : Fields.items(service, "status", "loadBalancer", "ingress")) {
            String ip = Fields.text(ingress, "ip");
            String host = Fields.text(ingress, "hostname");
            if (!ip.isEmpty()) {
                result.add(ip);
            } else if (!host.isEmpty()) {
                result.add(host);
            }
        }
        return result;
    }

    /** {@code 80/TCP}, or {@code 80:30080/TCP} with a node port, joined by {@code ,}. */
    private static String ports(JsonNode spec) {
        StringJoiner joined = new StringJoiner(",");
        for (JsonNode port : Fields.items(spec, "ports")) {
            String protocol = Fields.or(Fields.text(port, "protocol"), "TCP");
            long nodePort = Fields.integer(port, "nodePort");
            joined.add(Fields.integer(port, "port") + (nodePort > 0 ? ":" + nodePort : "") + "/" + protocol);
        }
        return joined.toString();
    }

    private static List<String> strings(List<JsonNode> nodes) {
        return nodes.stream().filter(JsonNode::isString).map(JsonNode::asString).toList();
    }
}
