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
 * Keeps pods off nodes that are not {@code Ready}. In Kubernetes the scheduler does not read node conditions: the
 * node lifecycle controller turns {@code Ready=False} into the {@code node.kubernetes.io/not-ready:NoSchedule} taint
 * and {@code Ready=Unknown} into {@code node.kubernetes.io/unreachable:NoSchedule}, which {@link TaintToleration}
 * then enforces. This plugin applies the taint the condition implies even before that controller has written it, so
 * a pod that tolerates it (a DaemonSet pod) still fits, and the message is the one a real cluster prints. A node
 * without a Ready condition is treated as not ready, as a freshly registered kubelet is. Stateless.
 */
public final class NodeReadiness implements FilterPlugin {

    public static final String NAME = "NodeReadiness";
    static final Taint NOT_READY = new Taint(Tolerations.NO_SCHEDULE, "node.kubernetes.io/not-ready", null, null);
    static final Taint UNREACHABLE = new Taint(Tolerations.NO_SCHEDULE, "node.kubernetes.io/unreachable", null, null);

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
        String ready = node.readyStatus();
        if ("True".equals(ready)) {
            return PluginStatus.SUCCESS;
        }
        Taint implied = "Unknown".equals(ready) ? UNREACHABLE : NOT_READY;
        if (Tolerations.toleratedBy(pod.getSpec().getTolerations(), implied)) {
            return PluginStatus.SUCCESS;
        }
        return PluginStatus.unresolvable(Tolerations.untoleratedReason(implied));
    }
}
