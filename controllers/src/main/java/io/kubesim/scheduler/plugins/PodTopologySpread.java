package io.kubesim.scheduler.plugins;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreFilterPlugin;
import io.kubesim.scheduler.framework.PreFilterResult;
import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.framework.StateKey;

/**
 * Pod topology spread. Hard constraints ({@code DoNotSchedule}): a node is out when placing the pod would make its
 * domain exceed the least populated domain by more than {@code maxSkew} (the minimum counts as 0 while fewer than
 * {@code minDomains} domains exist), or when it lacks the topology label. Soft constraints ({@code ScheduleAnyway}),
 * or the system defaults (hostname skew 3, zone skew 5) for pods declaring none: nodes in less populated domains
 * score higher, each constraint weighted by log(number of domains + 2). Per-pod data lives in the cycle state;
 * stateless otherwise.
 */
public final class PodTopologySpread implements PreFilterPlugin, FilterPlugin, ScorePlugin {

    public static final String NAME = "PodTopologySpread";
    static final String REASON = "node(s) didn't match pod topology spread constraints";
    static final String MISSING_LABEL = REASON + " (missing required label)";

    private record FilterState(List<SpreadConstraint> constraints, List<Map<String, Integer>> counts, int[] minimum) {
    }

    private record ScoreState(List<SpreadConstraint> constraints, Set<String> ignored,
                              List<Map<String, Long>> counts, double[] weights) {
    }

    private static final StateKey<FilterState> FILTER = StateKey.of(NAME + "/filter", FilterState.class);
    private static final StateKey<ScoreState> SCORE = StateKey.of(NAME + "/score", ScoreState.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PreFilterResult preFilter(CycleState state, Pod pod, List<NodeInfo> nodes) {
        PodInfo self = state.podInfo();
        List<SpreadConstraint> constraints = SpreadConstraint.declared(self, SpreadConstraint.DO_NOT_SCHEDULE);
        if (constraints.isEmpty()) {
            return PreFilterResult.SKIP;
        }
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int i = 0; i < constraints.size(); i++) {
            counts.add(new HashMap<>());
        }
        NodeSelectors.Required required = NodeSelectors.Required.of(pod);
        for (NodeInfo node : nodes) {
            if (!SpreadConstraint.hasAllKeys(node, constraints)) {
                continue;
            }
            for (int i = 0; i < constraints.size(); i++) {
                SpreadConstraint c = constraints.get(i);
                if (c.includes(self, required, node)) {
                    counts.get(i).merge(node.labels().get(c.topologyKey()), c.countOn(node, self.namespace()),
                            Integer::sum);
                }
            }
        }
        int[] minimum = new int[constraints.size()];
        for (int i = 0; i < constraints.size(); i++) {
            Map<String, Integer> domains = counts.get(i);
            minimum[i] = domains.size() < constraints.get(i).minDomains() ? 0
                    : domains.values().stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
        }
        state.write(FILTER, new FilterState(constraints, counts, minimum));
        return PreFilterResult.ALL;
    }

    @Override
    public PluginStatus filter(CycleState state, Pod pod, NodeInfo node) {
        FilterState s = state.read(FILTER);
        if (s == null) {
            return PluginStatus.SUCCESS;
        }
        PodInfo self = state.podInfo();
        for (int i = 0; i < s.constraints().size(); i++) {
            SpreadConstraint c = s.constraints().get(i);
            String domain = node.labels().get(c.topologyKey());
            if (domain == null) {
                return PluginStatus.unresolvable(MISSING_LABEL);
            }
            int selfMatch = c.counts(self, self.namespace()) ? 1 : 0;
            long skew = (long) s.counts().get(i).getOrDefault(domain, 0) + selfMatch - s.minimum()[i];
            if (skew > c.maxSkew()) {
                return PluginStatus.unschedulable(REASON);
            }
        }
        return PluginStatus.SUCCESS;
    }

    @Override
    public PluginStatus preScore(CycleState state, Pod pod, List<NodeInfo> feasible) {
        PodInfo self = state.podInfo();
        boolean declared = SpreadConstraint.declaresAny(self);
        List<SpreadConstraint> constraints = declared
                ? SpreadConstraint.declared(self, SpreadConstraint.SCHEDULE_ANYWAY)
                : SpreadConstraint.systemDefaults(self);
        if (constraints.isEmpty()) {
            return PluginStatus.SKIP;
        }
        // Declared constraints need every topology label on a node; the defaults let label-less nodes still
        // spread by hostname.
        boolean requireAllKeys = declared;
        Set<String> ignored = new HashSet<>();
        List<Map<String, Long>> counts = new ArrayList<>();
        int[] domains = new int[constraints.size()];
        for (int i = 0; i < constraints.size(); i++) {
            counts.add(new HashMap<>());
        }
        for (NodeInfo node : feasible) {
            if (requireAllKeys && !SpreadConstraint.hasAllKeys(node, constraints)) {
                ignored.add(node.name());
                continue;
            }
            for (int i = 0; i < constraints.size(); i++) {
                String key = constraints.get(i).topologyKey();
                String value = node.labels().get(key);
                if (!key.equals(SpreadConstraint.HOSTNAME) && value != null
                        && counts.get(i).putIfAbsent(value, 0L) == null) {
                    domains[i]++;
                }
            }
        }
        // Domain counts come from every node, not only the feasible ones: pods elsewhere still define the spread.
        NodeSelectors.Required required = NodeSelectors.Required.of(pod);
        for (NodeInfo node : state.snapshot().nodes()) {
            if (requireAllKeys && !SpreadConstraint.hasAllKeys(node, constraints)) {
                continue;
            }
            for (int i = 0; i < constraints.size(); i++) {
                SpreadConstraint c = constraints.get(i);
                String value = node.labels().get(c.topologyKey());
                if (c.topologyKey().equals(SpreadConstraint.HOSTNAME) || value == null
                        || !counts.get(i).containsKey(value) || !c.includes(self, required, node)) {
                    continue;
                }
                counts.get(i).merge(value, (long) c.countOn(node, self.namespace()), Long::sum);
            }
        }
        double[] weights = new double[constraints.size()];
        for (int i = 0; i < constraints.size(); i++) {
            int size = constraints.get(i).topologyKey().equals(SpreadConstraint.HOSTNAME)
                    ? feasible.size() - ignored.size() : domains[i];
            weights[i] = Math.log(size + 2);
        }
        state.write(SCORE, new ScoreState(constraints, ignored, counts, weights));
        return PluginStatus.SUCCESS;
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        ScoreState s = state.read(SCORE);
        if (s.ignored().contains(node.name())) {
            return 0;
        }
        String namespace = state.podInfo().namespace();
        double score = 0;
        for (int i = 0; i < s.constraints().size(); i++) {
            SpreadConstraint c = s.constraints().get(i);
            String value = node.labels().get(c.topologyKey());
            if (value == null) {
                continue;
            }
            long count = c.topologyKey().equals(SpreadConstraint.HOSTNAME) ? c.countOn(node, namespace)
                    : s.counts().get(i).getOrDefault(value, 0L);
            // maxSkew - 1 is added so small differences between domains weigh less for tolerant constraints.
            score += count * s.weights()[i] + (c.maxSkew() - 1);
        }
        return Math.round(score);
    }

    @Override
    public void normalize(CycleState state, Pod pod, List<NodeInfo> nodes, long[] scores) {
        ScoreState s = state.read(SCORE);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!s.ignored().contains(nodes.get(i).name())) {
                min = Math.min(min, scores[i]);
                max = Math.max(max, scores[i]);
            }
        }
        for (int i = 0; i < scores.length; i++) {
            if (s.ignored().contains(nodes.get(i).name())) {
                scores[i] = 0;
            } else if (max == 0) {
                scores[i] = MAX_SCORE;
            } else {
                scores[i] = MAX_SCORE * (max + min - scores[i]) / max;
            }
        }
    }
}
