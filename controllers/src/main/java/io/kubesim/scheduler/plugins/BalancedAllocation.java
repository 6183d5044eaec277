package io.kubesim.scheduler.plugins;

import java.util.List;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;
import io.kubesim.scheduler.framework.Resources;
import io.kubesim.scheduler.framework.ScorePlugin;

/**
 * NodeResourcesBalancedAllocation: prefers nodes whose CPU and memory would be used in similar proportions after
 * placing the pod: {@code (1 - std) * 100} over the requested/allocatable fractions (each capped at 1). Uses the
 * actual requests. Skipped for pods that request nothing, since every node would look equally balanced to them and
 * they would pile onto one (the fix upstream made after 1.32, adopted here). Stateless.
 */
public final class BalancedAllocation implements ScorePlugin {

    public static final String NAME = "NodeResourcesBalancedAllocation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PluginStatus preScore(CycleState state, Pod pod, List<NodeInfo> feasible) {
        Resources r = state.podInfo().requests();
        return r.milliCpu() == 0 && r.memory() == 0 ? PluginStatus.SKIP : PluginStatus.SUCCESS;
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        Resources requested = node.requested().plus(state.podInfo().requests());
        Resources allocatable = node.allocatable();
        double[] fractions = new double[2];
        int n = 0;
        if (allocatable.milliCpu() > 0) {
            fractions[n++] = Math.min(1.0, (double) requested.milliCpu() / allocatable.milliCpu());
        }
        if (allocatable.memory() > 0) {
            fractions[n++] = Math.min(1.0, (double) requested.memory() / allocatable.memory());
        }
        double std = n == 2 ? Math.abs(fractions[0] - fractions[1]) / 2 : 0;
        return (long) ((1 - std) * MAX_SCORE);
    }
}
