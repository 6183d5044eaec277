package io.kubesim.nodeagent.node;

import java.util.List;
import java.util.Map;

/**
 * One node this agent plays: its name and address, and the labels and taints it registers with.
 * Immutable.
 *
 * @param name         the node name
 * @param internalIp   its {@code InternalIP} address, also the host IP of its pods
 * @param controlPlane whether it is a control-plane node (role label, taint, mirror pods)
 * @param labels       every label it registers with
 * @param taints       every taint it registers with
 */
public record SimulatedNode(String name, String internalIp, boolean controlPlane, Map<String, String> labels,
                            List<NodeTaint> taints) {

    public SimulatedNode {
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
    }
}
