package io.kubesim.scheduler.plugins;

import java.util.EnumSet;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;

/**
 * A pod that names its node ({@code spec.nodeName}) fits only there. The scheduler does not queue such pods (they
 * are the node agent's already), so this matters only to callers evaluating a pod against nodes. Stateless.
 */
public final class NodeName implements FilterPlugin {

    public static final String NAME = "NodeName";
    static final String REASON = "node(s) didn't match the requested node name";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ClusterEvent> events() {
        return EnumSet.of(ClusterEvent.NODE_ADDED);
    }

    @Override
    public PluginStatus filter(CycleState state, Pod pod, NodeInfo node) {
        String wanted = pod.getSpec().getNodeName();
        if (wanted == null || wanted.isEmpty() || wanted.equals(node.name())) {
            return PluginStatus.SUCCESS;
        }
        return PluginStatus.unresolvable(REASON);
    }
}
