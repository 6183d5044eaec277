package io.kubesim.server.registry.kinds;

import java.util.List;

import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;

/**
 * Read-only questions about a Service's spec that defaulting, allocation and validation all ask
 * (which allocations its type needs). Stateless and thread-safe.
 */
final class ServiceShape {

    static final String NONE = "None";

    private ServiceShape() {
    }

    static String type(JsonNode svc) {
        return Trees.textOrEmpty(spec(svc), "type");
    }

    static JsonNode spec(JsonNode svc) {
        return svc == null ? null : svc.get("spec");
    }

    static boolean needsClusterIp(JsonNode svc) {
        return !type(svc).equals("ExternalName");
    }

    static boolean needsNodePorts(JsonNode svc) {
        String type = type(svc);
        JsonNode allocate = spec(svc) == null ? null : spec(svc).get("allocateLoadBalancerNodePorts");
        return type.equals("NodePort")
                || type.equals("LoadBalancer") && (allocate == null || !allocate.isBoolean() || allocate.asBoolean());
    }

    static boolean needsHealthCheckNodePort(JsonNode svc) {
        return type(svc).equals("LoadBalancer") && "Local".equals(Trees.text(spec(svc), "externalTrafficPolicy"));
    }

    static boolean externallyAccessible(JsonNode svc) {
        String type = type(svc);
        return type.equals("LoadBalancer") || type.equals("NodePort")
                || type.equals("ClusterIP") && !Trees.elements(spec(svc), "externalIPs").isEmpty();
    }

    static boolean isHeadless(JsonNode svc) {
        List<String> ips = Trees.strings(spec(svc), "clusterIPs");
        return ips.size() == 1 && ips.get(0).equals(NONE) || NONE.equals(Trees.text(spec(svc), "clusterIP"));
    }

    static boolean hasSelector(JsonNode svc) {
        return !Trees.stringMapOrEmpty(spec(svc), "selector").isEmpty();
    }

    /** The real addresses in {@code clusterIPs} ({@code None} and empty strings excluded). */
    static List<String> clusterIps(JsonNode svc) {
        return Trees.strings(spec(svc), "clusterIPs").stream().filter(ip -> !ip.isEmpty() && !ip.equals(NONE)).toList();
    }
}
