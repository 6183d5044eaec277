package io.kubesim.scheduler.plugins;

import java.util.EnumSet;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;

/**
 * Keeps pods off cordoned nodes ({@code spec.unschedulable}), unless the pod tolerates the
 * {@code node.kubernetes.io/unschedulable:NoSchedule} taint that stands for the cordon (DaemonSet pods do).
 * Stateless and thread-safe.
 */
public final class NodeUnschedulable implements FilterPlugin {

    public static final String NAME = "NodeUnschedulable";
    static final String REASON = "node(s) were unschedulable";
    private static final Taint CORDON = new Taint(Tolerations.NO_SCHEDULE, "node.kubernetes.io/unschedulable", null,
            null);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ClusterEvent> events() {
        return EnumSet.of(ClusterEvent.NODE_ADDED, ClusterEvent.NODE_CHANGED);
    }

    @Override
    public PluginStatus filter(CycleState state, Pod pod, NodeInfo node) {
        if (!node.unschedulable() || Tolerations.toleratedBy(pod.getSpec().getTolerations(), CORDON)) {
            return PluginStatus.SUCCESS;
        }
        return PluginStatus.unresolvable(REASON);
    }
}
