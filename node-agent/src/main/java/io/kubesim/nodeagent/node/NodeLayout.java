package io.kubesim.nodeagent.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out the nodes of an agent the way kind names a cluster's nodes: with a control plane,
 * {@code <prefix>control-plane}, {@code <prefix>worker}, {@code <prefix>worker2}, ...; without,
 * only workers. Internal IPs count up from the first address; zones are assigned round-robin and
 * racks group consecutive nodes of one zone. Stateless.
 */
public final class NodeLayout {

    /** Label of the rack a node sits in. */
    public static final String RACK_LABEL = "kubesim.io/rack";
    public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
    public static final String CONTROL_PLANE_ROLE = "node-role.kubernetes.io/control-plane";

    private NodeLayout() {
    }

    public static List<SimulatedNode> layout(NodeSettings s) {
        List<SimulatedNode> nodes = new ArrayList<>();
        long firstIp = ipv4(s.firstNodeIp());
        for (int i = 0; i < s.count(); i++) {
            boolean controlPlane = s.controlPlane() && i == 0;
            int worker = s.controlPlane() ? i : i + 1;
            String name = s.namePrefix() + (controlPlane ? "control-plane" : worker == 1 ? "worker" : "worker" + worker);
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("beta.kubernetes.io/arch", "amd64");
            labels.put("beta.kubernetes.io/os", "linux");
            labels.put("kubernetes.io/arch", "amd64");
            labels.put("kubernetes.io/hostname", name);
            labels.put("kubernetes.io/os", "linux");
            String zone = s.zones().isEmpty() ? "" : s.zones().get(i % s.zones().size());
            if (!zone.isEmpty()) {
                labels.put(ZONE_LABEL, zone);
            }
            int inZone = s.zones().isEmpty() ? i : i / s.zones().size();
            labels.put(RACK_LABEL, (zone.isEmpty() ? "" : zone + "-") + "rack-" + (inZone / s.nodesPerRack() + 1));
            List<NodeTaint> taints = new ArrayList<>();
            if (controlPlane) {
                labels.put(CONTROL_PLANE_ROLE, "");
                labels.put("node.kubernetes.io/exclude-from-external-load-balancers", "");
                taints.add(new NodeTaint(CONTROL_PLANE_ROLE, "", "NoSchedule"));
            } else {
                taints.addAll(s.taints());
            }
            labels.putAll(s.labels());
            nodes.add(new SimulatedNode(name, formatIpv4(firstIp + i), controlPlane, labels, taints));
        }
        return nodes;
    }

    private static long ipv4(String ip) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + ip);
        }
        long v = 0;
        for (String p : parts) {
            int n = Integer.parseInt(p);
            if (n < 0 || n > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + ip);
            }
            v = (v << 8) | n;
        }
        return v;
    }

    private static String formatIpv4(long v) {
        return ((v >> 24) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + (v & 0xFF);
    }
}
