package io.kubesim.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.Resources;
import io.kubesim.scheduler.framework.ScorePlugin;

/**
 * NodeResourcesFit's default scoring strategy: prefers the node with the largest share of CPU and memory left after
 * placing the pod ({@code (allocatable - requested) * 100 / allocatable} per resource, averaged with equal
 * weights). Requests count with the scoring defaults (100m CPU, 200Mi memory for containers that name none), so
 * best-effort pods spread too. Stateless.
 */
public final class LeastAllocated implements ScorePlugin {

    public static final String NAME = "NodeResourcesLeastAllocated";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        Resources requested = node.nonZeroRequested().plus(state.podInfo().nonZeroRequests());
        Resources allocatable = node.allocatable();
        return (least(requested.milliCpu(), allocatable.milliCpu()) + least(requested.memory(), allocatable.memory()))
                / 2;
    }

    static long least(long requested, long capacity) {
        if (capacity == 0 || requested > capacity) {
            return 0;
        }
        return (capacity - requested) * MAX_SCORE / capacity;
    }
}
