package io.kubesim.server.registry.kinds;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Service defaulting as kube-apiserver 1.32 applies it: the v1 defaults, keeping {@code clusterIP}
 * and {@code clusterIPs} in step, the IP family fields of a single-stack IPv4 cluster, and on
 * update the fields a type change no longer needs or the client left out. Stateless and
 * thread-safe.
 */
final class ServiceDefaults {

    private ServiceDefaults() {
    }

    /** The v1 defaults (also on update) plus the clusterIP/clusterIPs sync of a create. */
    static void apply(ObjectNode svc) {
        ObjectNode spec = Trees.child(svc, "spec");
        String affinity = Trees.defaultText(spec, "sessionAffinity", "None");
        if (affinity.equals("None")) {
            spec.remove("sessionAffinityConfig");
        } else if (affinity.equals("ClientIP") && Trees.integer(Trees.objectAt(spec, "sessionAffinityConfig", "clientIP"),
                "timeoutSeconds") == null) {
            Trees.child(Trees.child(spec, "sessionAffinityConfig"), "clientIP").put("timeoutSeconds", 10800);
        }
        Trees.defaultText(spec, "type", "ClusterIP");
        for (ObjectNode port : Trees.objects(spec, "ports")) {
            Trees.defaultText(port, "protocol", "TCP");
            JsonNode target = port.get("targetPort");
            boolean unset = target == null || target.isNull() || target.isIntegralNumber() && target.asLong() == 0
                    || target.isString() && target.asString().isEmpty();
            if (unset && Trees.integer(port, "port") != null) {
                port.set("targetPort", port.get("port"));
            }
        }
        if (ServiceShape.externallyAccessible(svc)) {
            Trees.defaultText(spec, "externalTrafficPolicy", "Cluster");
        }
        String type = ServiceShape.type(svc);
        if (!Trees.isSet(spec, "internalTrafficPolicy")
                && (type.equals("NodePort") || type.equals("LoadBalancer") || type.equals("ClusterIP"))) {
            spec.put("internalTrafficPolicy", "Cluster");
        }
        if (type.equals("LoadBalancer") && !Trees.isSet(spec, "allocateLoadBalancerNodePorts")) {
            spec.put("allocateLoadBalancerNodePorts", true);
        }
        syncClusterIps(spec);
    }

    /** {@code clusterIP} is {@code clusterIPs[0]}; whichever one the client gave fills the other. */
    static void syncClusterIps(ObjectNode spec) {
        String ip = Trees.textOrEmpty(spec, "clusterIP");
        List<String> ips = Trees.strings(spec, "clusterIPs");
        if (!ip.isEmpty() && ips.isEmpty()) {
            spec.putArray("clusterIPs").add(ip);
        } else if (ip.isEmpty() && !ips.isEmpty()) {
            spec.put("clusterIP", ips.get(0));
        }
    }

    /** On update, a changed {@code clusterIP} with unchanged {@code clusterIPs} means the client edited the former. */
    static void syncClusterIpsOnUpdate(ObjectNode svc, JsonNode old) {
        ObjectNode spec = Trees.child(svc, "spec");
        JsonNode oldSpec = ServiceShape.spec(old);
        String ip = Trees.textOrEmpty(spec, "clusterIP");
        if (!ip.equals(Trees.textOrEmpty(oldSpec, "clusterIP"))
                && Trees.same(spec.get("clusterIPs"), oldSpec == null ? null : oldSpec.get("clusterIPs"))
                && !Trees.strings(spec, "clusterIPs").isEmpty()) {
            if (ip.isEmpty()) {
                spec.remove("clusterIPs");
            } else {
                ((ArrayNode) spec.get("clusterIPs")).set(0, spec.get("clusterIP"));
            }
        }
        syncClusterIps(spec);
    }

    /**
     * Fills {@code ipFamilyPolicy} and {@code ipFamilies} for a single-stack IPv4 cluster:
     * SingleStack/[IPv4] normally, RequireDualStack/[IPv4, IPv6] for a headless service without
     * selector (upstream's special case).
     */
    static void initIpFamilies(ObjectNode svc) {
        if (!ServiceShape.needsClusterIp(svc)) {
            return;
        }
        ObjectNode spec = Trees.child(svc, "spec");
        boolean headlessSelectorless = ServiceShape.isHeadless(svc) && !ServiceShape.hasSelector(svc);
        List<String> families = Trees.strings(spec, "ipFamilies");
        if (!Trees.isSet(spec, "ipFamilyPolicy")) {
            spec.put("ipFamilyPolicy", headlessSelectorless || families.size() == 2 ? "RequireDualStack" : "SingleStack");
        }
        if (families.isEmpty()) {
            List<String> ips = ServiceShape.clusterIps(svc);
            ArrayNode out = spec.putArray("ipFamilies");
            if (ips.isEmpty()) {
                out.add("IPv4");
            } else {
                ips.forEach(ip -> out.add(ip.contains(":") ? "IPv6" : "IPv4"));
            }
        }
        ArrayNode out = Trees.array(spec, "ipFamilies");
        if (headlessSelectorless && !"SingleStack".equals(Trees.text(spec, "ipFamilyPolicy")) && out.size() < 2) {
            out.add("IPv4".equals(out.get(0).asString()) ? "IPv6" : "IPv4");
        }
    }

    /** Keeps values the server allocated when the client's update left them out (upstream's patchAllocatedValues). */
    static void patchAllocatedValues(ObjectNode svc, JsonNode old) {
        ObjectNode spec = Trees.child(svc, "spec");
        JsonNode oldSpec = ServiceShape.spec(old);
        if (ServiceShape.needsClusterIp(old) && ServiceShape.needsClusterIp(svc)) {
            if (Trees.textOrEmpty(spec, "clusterIP").isEmpty() && !Trees.textOrEmpty(oldSpec, "clusterIP").isEmpty()) {
                spec.put("clusterIP", Trees.text(oldSpec, "clusterIP"));
            }
            if (Trees.strings(spec, "clusterIPs").isEmpty() && !Trees.strings(oldSpec, "clusterIPs").isEmpty()) {
                spec.set("clusterIPs", oldSpec.get("clusterIPs").deepCopy());
            }
        }
        if (ServiceShape.needsNodePorts(old) && ServiceShape.needsNodePorts(svc)) {
            Set<Long> used = new HashSet<>();
            Trees.objects(spec, "ports").forEach(p -> used.add(Trees.integer(p, "nodePort", 0)));
            Map<String, Long> byName = new HashMap<>();
            Trees.objects(oldSpec, "ports").forEach(p -> byName.put(Trees.textOrEmpty(p, "name"), Trees.integer(p, "nodePort", 0)));
            for (ObjectNode port : Trees.objects(spec, "ports")) {
                Long previous = byName.get(Trees.textOrEmpty(port, "name"));
                if (Trees.integer(port, "nodePort", 0) == 0 && previous != null && previous != 0 && !used.contains(previous)) {
                    port.put("nodePort", previous.intValue());
                    used.add(previous);
                }
            }
        }
        if (ServiceShape.needsHealthCheckNodePort(old) && ServiceShape.needsHealthCheckNodePort(svc)
                && Trees.integer(spec, "healthCheckNodePort", 0) == 0 && Trees.integer(oldSpec, "healthCheckNodePort", 0) != 0) {
            spec.put("healthCheckNodePort", (int) Trees.integer(oldSpec, "healthCheckNodePort", 0));
        }
    }

    /** Drops fields the new type does not use, when the client left them as they were (upstream's dropTypeDependentFields). */
    static void dropTypeDependentFields(ObjectNode svc, JsonNode old) {
        ObjectNode spec = Trees.child(svc, "spec");
        JsonNode oldSpec = ServiceShape.spec(old);
        if (ServiceShape.needsClusterIp(old) && !ServiceShape.needsClusterIp(svc)) {
            if (Trees.same(spec.get("clusterIP"), oldSpec.get("clusterIP"))
                    && Trees.same(spec.get("clusterIPs"), oldSpec.get("clusterIPs"))) {
                spec.remove(List.of("clusterIP", "clusterIPs"));
            }
            if (Trees.same(spec.get("ipFamilies"), oldSpec.get("ipFamilies"))) {
                spec.remove("ipFamilies");
            }
            if (Trees.same(spec.get("ipFamilyPolicy"), oldSpec.get("ipFamilyPolicy"))) {
                spec.remove("ipFamilyPolicy");
            }
        }
        if (ServiceShape.needsNodePorts(old) && !ServiceShape.needsNodePorts(svc) && sameNodePorts(spec, oldSpec)) {
            Trees.objects(spec, "ports").forEach(p -> p.remove("nodePort"));
        }
        if (ServiceShape.needsHealthCheckNodePort(old) && !ServiceShape.needsHealthCheckNodePort(svc)
                && Trees.same(spec.get("healthCheckNodePort"), oldSpec.get("healthCheckNodePort"))) {
            spec.remove("healthCheckNodePort");
        }
        if (!ServiceShape.type(svc).equals("LoadBalancer")) {
            spec.remove("allocateLoadBalancerNodePorts");
            if (ServiceShape.type(old).equals("LoadBalancer")
                    && Trees.same(spec.get("loadBalancerClass"), oldSpec.get("loadBalancerClass"))) {
                spec.remove("loadBalancerClass");
            }
        }
        if (ServiceShape.externallyAccessible(old) && !ServiceShape.externallyAccessible(svc)
                && Trees.same(spec.get("externalTrafficPolicy"), oldSpec.get("externalTrafficPolicy"))) {
            spec.remove("externalTrafficPolicy");
        }
    }

    private static boolean sameNodePorts(JsonNode spec, JsonNode oldSpec) {
        List<ObjectNode> now = Trees.objects(spec, "ports");
        List<ObjectNode> before = Trees.objects(oldSpec, "ports");
        if (now.size() != before.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (Trees.integer(now.get(i), "nodePort", 0) != Trees.integer(before.get(i), "nodePort", 0)) {
                return false;
            }
        }
        return true;
    }
}
