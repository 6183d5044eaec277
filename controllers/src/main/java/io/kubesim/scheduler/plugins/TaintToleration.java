package io.kubesim.scheduler.plugins;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;
import io.kubesim.scheduler.framework.ScorePlugin;

/**
 * Filter: a node with a {@code NoSchedule} or {@code NoExecute} taint the pod does not tolerate is out, reported as
 * "node(s) had untolerated taint {key: value}" for the first such taint. Score: fewer untolerated
 * {@code PreferNoSchedule} taints is better (counts are inverted by normalization). Stateless.
 */
public final class TaintToleration implements FilterPlugin, ScorePlugin {

    public static final String NAME = "TaintToleration";

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
        Taint taint = Tolerations.firstUntolerated(node.taints(), pod.getSpec().getTolerations(),
                Tolerations::blocksScheduling);
        return taint == null ? PluginStatus.SUCCESS : PluginStatus.unresolvable(Tolerations.untoleratedReason(taint));
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        List<Toleration> tolerations = pod.getSpec().getTolerations();
        long count = 0;
        for (Taint t : node.taints()) {
            if (Tolerations.PREFER_NO_SCHEDULE.equals(t.getEffect()) && !toleratesPreferring(tolerations, t)) {
                count++;
            }
        }
        return count;
    }

    /** Only tolerations that cover {@code PreferNoSchedule} (that effect, or none) count for scoring. */
    private static boolean toleratesPreferring(List<Toleration> tolerations, Taint taint) {
        if (tolerations != null) {
            for (Toleration t : tolerations) {
                boolean covers = t.getEffect() == null || t.getEffect().isEmpty()
                        || Tolerations.PREFER_NO_SCHEDULE.equals(t.getEffect());
                if (covers && Tolerations.tolerates(t, taint)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void normalize(CycleState state, Pod pod, List<NodeInfo> nodes, long[] scores) {
        ScorePlugin.normalizeToMax(scores, true);
    }
}
