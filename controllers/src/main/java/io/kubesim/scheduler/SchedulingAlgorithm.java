package io.kubesim.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreFilterPlugin;
import io.kubesim.scheduler.framework.PreFilterResult;
import io.kubesim.scheduler.framework.Profile;
import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.framework.Snapshot;

/**
 * One scheduling decision, as kube-scheduler's {@code schedulePod}: pre-filter, filter nodes starting where the
 * previous cycle stopped (so every node gets its turn) until enough feasible nodes are found (all nodes up to 100,
 * then the adaptive percentage upstream uses), pre-score and score the feasible nodes, and pick the highest total
 * (ties broken at random). Not thread-safe: one instance per scheduling thread, since it remembers where to start.
 */
public final class SchedulingAlgorithm {

    static final String NO_NODES = "no nodes available to schedule pods";
    private static final int MIN_FEASIBLE_NODES = 100;
    private static final int MIN_PERCENTAGE = 5;

    /**
     * The decision: a node, or why not. {@code fitError} is set when no node fits; {@code error} when the attempt
     * failed otherwise (no nodes at all, a plugin error).
     */
    public record Result(String node, FitError fitError, PluginStatus error, int evaluatedNodes, int feasibleNodes) {
        public boolean scheduled() {
            return node != null;
        }
    }

    private final Profile profile;
    private final RandomGenerator random;
    private int nextStartNodeIndex;

    public SchedulingAlgorithm(Profile profile, RandomGenerator random) {
        this.profile = profile;
        this.random = random;
    }

    public Result schedule(PodInfo pod, Snapshot snapshot) {
        if (snapshot.size() == 0) {
            return new Result(null, null, PluginStatus.unresolvable(NO_NODES), 0, 0);
        }
        CycleState state = new CycleState(pod, snapshot);
        List<NodeInfo> candidates = snapshot.nodes();
        PluginStatus absent = null;
        Set<String> narrowing = new TreeSet<>();
        Set<String> allowed = null;
        for (PreFilterPlugin p : profile.preFilters()) {
            PreFilterResult r = p.preFilter(state, pod.pod(), snapshot.nodes());
            PluginStatus s = r.status().withPlugin(p.name());
            if (s.isSkip()) {
                state.skipFilter(p.name());
                continue;
            }
            if (s.code() == PluginStatus.Code.ERROR) {
                return new Result(null, null, s, 0, 0);
            }
            if (s.isRejected()) {
                return new Result(null, new FitError(snapshot.size(), Map.of(), s, s.message(), null), null, 0, 0);
            }
            if (!r.allNodes()) {
                narrowing.add(p.name());
                allowed = allowed == null ? new TreeSet<>(r.nodeNames()) : intersect(allowed, r.nodeNames());
                if (allowed.isEmpty()) {
                    String msg = narrowing.size() == 1 ? "node(s) didn't satisfy plugin " + narrowing.iterator().next()
                            : "node(s) didn't satisfy plugin(s) " + bracketed(narrowing) + " simultaneously";
                    PluginStatus rejected = PluginStatus.unresolvable(msg).withPlugin(p.name());
                    return new Result(null, new FitError(snapshot.size(), Map.of(), rejected, msg, null), null, 0, 0);
                }
            }
        }
        if (allowed != null) {
            candidates = new ArrayList<>(allowed.size());
            for (String name : allowed) {
                NodeInfo n = snapshot.get(name);
                if (n != null) {
                    candidates.add(n);
                }
            }
            absent = PluginStatus.unresolvable("node(s) didn't satisfy plugin(s) " + bracketed(narrowing))
                    .withPlugin(narrowing.iterator().next());
        }

        Map<String, PluginStatus> statuses = new HashMap<>();
        List<NodeInfo> feasible = new ArrayList<>();
        int toFind = feasibleNodesToFind(candidates.size());
        int processed = 0;
        for (int i = 0; i < candidates.size() && feasible.size() < toFind; i++) {
            NodeInfo node = candidates.get((nextStartNodeIndex + i) % candidates.size());
            processed++;
            PluginStatus s = runFilters(state, pod, node);
            if (s.isSuccess()) {
                feasible.add(node);
            } else if (s.code() == PluginStatus.Code.ERROR) {
                return new Result(null, null, s, processed, feasible.size());
            } else {
                statuses.put(node.name(), s);
            }
        }
        nextStartNodeIndex = (nextStartNodeIndex + processed) % snapshot.size();

        if (feasible.isEmpty()) {
            return new Result(null, new FitError(snapshot.size(), statuses, absent, null, null), null, processed, 0);
        }
        if (feasible.size() == 1) {
            return new Result(feasible.get(0).name(), null, null, processed, 1);
        }
        return score(state, pod, feasible, processed);
    }

    private PluginStatus runFilters(CycleState state, PodInfo pod, NodeInfo node) {
        for (FilterPlugin f : profile.filters()) {
            if (state.filterSkipped(f.name())) {
                continue;
            }
            PluginStatus s = f.filter(state, pod.pod(), node);
            if (!s.isSuccess()) {
                return s.withPlugin(f.name());
            }
        }
        return PluginStatus.SUCCESS;
    }

    private Result score(CycleState state, PodInfo pod, List<NodeInfo> feasible, int processed) {
        List<Profile.WeightedScore> scorers = profile.scores();
        for (Profile.WeightedScore ws : scorers) {
            ScorePlugin p = ws.plugin();
            PluginStatus s = p.preScore(state, pod.pod(), feasible);
            if (s.isSkip()) {
                state.skipScore(p.name());
            } else if (!s.isSuccess()) {
                return new Result(null, null, s.withPlugin(p.name()), processed, feasible.size());
            }
        }
        long[] total = new long[feasible.size()];
        long[] scores = new long[feasible.size()];
        for (Profile.WeightedScore ws : scorers) {
            ScorePlugin p = ws.plugin();
            if (state.scoreSkipped(p.name())) {
                continue;
            }
            for (int i = 0; i < scores.length; i++) {
                scores[i] = p.score(state, pod.pod(), feasible.get(i));
            }
            p.normalize(state, pod.pod(), feasible, scores);
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] < 0 || scores[i] > ScorePlugin.MAX_SCORE) {
                    String msg = "plugin \"" + p.name() + "\" returns an invalid score " + scores[i]
                            + ", it should in the range of [0, 100] after normalizing";
                    return new Result(null, null, PluginStatus.error(msg).withPlugin(p.name()), processed,
                            feasible.size());
                }
                total[i] += scores[i] * ws.weight();
            }
        }
        int best = 0;
        int ties = 1;
        for (int i = 1; i < total.length; i++) {
            if (total[i] > total[best]) {
                best = i;
                ties = 1;
            } else if (total[i] == total[best] && random.nextInt(++ties) == 0) {
                // Reservoir sampling: each of the tied nodes ends up chosen with equal probability.
                best = i;
            }
        }
        return new Result(feasible.get(best).name(), null, null, processed, feasible.size());
    }

    /** How many feasible nodes are enough: every node up to 100, then a share falling from 50% to 5%. */
    static int feasibleNodesToFind(int nodes) {
        if (nodes < MIN_FEASIBLE_NODES) {
            return nodes;
        }
        int percentage = Math.max(MIN_PERCENTAGE, 50 - nodes / 125);
        return Math.max(MIN_FEASIBLE_NODES, nodes * percentage / 100);
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        a.retainAll(b);
        return a;
    }

    private static String bracketed(Set<String> names) {
        return "[" + String.join(" ", names) + "]";
    }
}
