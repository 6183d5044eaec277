package io.kubesim.scheduler.plugins;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;
import io.kubesim.scheduler.framework.Resources;

/**
 * The pod's requests must fit into what the node's allocatable leaves after the requests of the pods already on it
 * (bound or assumed), and one more pod must fit under the node's pod limit. Every shortage is a separate reason
 * ("Insufficient cpu", "Insufficient memory", "Insufficient ephemeral-storage", "Too many pods"), and the status is
 * {@code UNSCHEDULABLE}: evicting pods could make room. The pod's requests come from the cycle state. Stateless.
 */
public final class NodeResourcesFit implements FilterPlugin {

    public static final String NAME = "NodeResourcesFit";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ClusterEvent> events() {
        return EnumSet.of(ClusterEvent.NODE_ADDED, ClusterEvent.NODE_CHANGED, ClusterEvent.ASSIGNED_POD_CHANGED,
                ClusterEvent.ASSIGNED_POD_DELETED);
    }

    @Override
    public PluginStatus filter(CycleState state, Pod pod, NodeInfo node) {
        Resources want = state.podInfo().requests();
        Resources free = node.allocatable().minus(node.requested());
        List<String> reasons = new ArrayList<>(2);
        if (node.pods().size() + 1 > node.allocatable().pods()) {
            reasons.add("Too many pods");
        }
        if (!want.isZero()) {
            // A zero request never fails, even on an over-committed node.
            if (want.milliCpu() > 0 && want.milliCpu() > free.milliCpu()) {
                reasons.add("Insufficient cpu");
            }
            if (want.memory() > 0 && want.memory() > free.memory()) {
                reasons.add("Insufficient memory");
            }
            if (want.ephemeralStorage() > 0 && want.ephemeralStorage() > free.ephemeralStorage()) {
                reasons.add("Insufficient ephemeral-storage");
            }
        }
        return reasons.isEmpty() ? PluginStatus.SUCCESS
                : PluginStatus.unschedulable(reasons.toArray(String[]::new));
    }
}
