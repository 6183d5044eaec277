package io.kubesim.scheduler.framework;

import java.util.List;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Ranks the nodes that passed all filters. {@link #preScore} runs once over the feasible nodes (and may return
 * {@code SKIP} when the plugin has nothing to say about the pod); {@link #score} runs per node; {@link #normalize}
 * may then rescale all scores to {@code [0, MAX_SCORE]}. The profile multiplies each plugin's final scores by its
 * weight and the node with the highest sum wins.
 *
 * <p>Contract: after normalization every score lies in {@code [0, MAX_SCORE]}; plugins never block and are called
 * on the scheduling thread only.
 */
public interface ScorePlugin extends Plugin {

    long MAX_SCORE = 100;

    default PluginStatus preScore(CycleState state, Pod pod, List<NodeInfo> feasible) {
        return PluginStatus.SUCCESS;
    }

    long score(CycleState state, Pod pod, NodeInfo node);

    /** Rescales {@code scores} (index-aligned with {@code nodes}) in place; by default scores are final. */
    default void normalize(CycleState state, Pod pod, List<NodeInfo> nodes, long[] scores) {
    }

    /**
     * Upstream's default normalization: scales so the highest score becomes {@link #MAX_SCORE}; with
     * {@code reverse}, the lowest raw score wins instead.
     */
    static void normalizeToMax(long[] scores, boolean reverse) {
        long max = 0;
        for (long s : scores) {
            max = Math.max(max, s);
        }
        for (int i = 0; i < scores.length; i++) {
            long s = max == 0 ? 0 : MAX_SCORE * scores[i] / max;
            scores[i] = reverse ? MAX_SCORE - s : s;
        }
    }
}
