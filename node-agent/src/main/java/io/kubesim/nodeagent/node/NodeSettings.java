package io.kubesim.nodeagent.node;

import java.util.List;
import java.util.Map;

/**
 * How the simulated nodes of one agent look: how many, their names, capacity, topology labels and
 * taints. Immutable.
 *
 * @param count            number of nodes, the control-plane node included
 * @param namePrefix       name prefix, e.g. {@code kubesim-}
 * @param controlPlane     whether the first node is a control-plane node
 * @param cpu              {@code status.capacity.cpu}, e.g. {@code 4}
 * @param memory           memory capacity, e.g. {@code 8Gi}
 * @param maxPods          {@code status.capacity.pods}
 * @param ephemeralStorage ephemeral storage capacity, e.g. {@code 100Gi}
 * @param zones            values of {@code topology.kubernetes.io/zone}, assigned round-robin; empty for none
 * @param nodesPerRack     nodes of one zone per {@code kubesim.io/rack}
 * @param labels           extra labels on every node
 * @param taints           taints on every worker node
 * @param firstNodeIp      the internal IP of the first node; the others count up from it
 */
public record NodeSettings(int count, String namePrefix, boolean controlPlane, String cpu, String memory,
                           int maxPods, String ephemeralStorage, List<String> zones, int nodesPerRack,
                           Map<String, String> labels, List<NodeTaint> taints, String firstNodeIp) {

    public NodeSettings {
        zones = List.copyOf(zones);
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
        if (count < 1) {
            throw new IllegalArgumentException("--nodes must be at least 1");
        }
        if (nodesPerRack < 1) {
            throw new IllegalArgumentException("--nodes-per-rack must be at least 1");
        }
    }

    /** Three nodes like a three-node kind cluster: {@code kubesim-control-plane}, {@code kubesim-worker}, {@code kubesim-worker2}. */
    public static NodeSettings defaults() {
        return new NodeSettings(3, "kubesim-", true, "4", "8Gi", 110, "100Gi",
                List.of("zone-a", "zone-b", "zone-c"), 4, Map.of(), List.of(), "172.18.0.2");
    }

    public NodeSettings withCount(int n) {
        return new NodeSettings(n, namePrefix, controlPlane, cpu, memory, maxPods, ephemeralStorage, zones,
                nodesPerRack, labels, taints, firstNodeIp);
    }
}
