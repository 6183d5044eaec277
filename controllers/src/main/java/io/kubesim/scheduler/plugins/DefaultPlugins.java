package io.kubesim.scheduler.plugins;

import io.kubesim.scheduler.framework.Profile;

/**
 * The default profile, in kube-scheduler's order: filters NodeUnschedulable, NodeName, TaintToleration,
 * NodeReadiness (ours, see {@link NodeReadiness}), NodeAffinity, NodeResourcesFit, PodTopologySpread; scores
 * TaintToleration ×3, NodeAffinity ×2, PodTopologySpread ×2, LeastAllocated ×1, BalancedAllocation ×1 (the
 * weights of the upstream default configuration). Stateless.
 */
public final class DefaultPlugins {

    private DefaultPlugins() {
    }

    public static Profile profile(String schedulerName) {
        TaintToleration taints = new TaintToleration();
        NodeAffinity affinity = new NodeAffinity();
        PodTopologySpread spread = new PodTopologySpread();
        return Profile.builder(schedulerName)
                .filter(new NodeUnschedulable())
                .filter(new NodeName())
                .filter(taints)
                .filter(new NodeReadiness())
                .filter(affinity)
                .filter(new NodeResourcesFit())
                .filter(spread)
                .score(taints, 3)
                .score(affinity, 2)
                .score(spread, 2)
                .score(new LeastAllocated(), 1)
                .score(new BalancedAllocation(), 1)
                .build();
    }
}
