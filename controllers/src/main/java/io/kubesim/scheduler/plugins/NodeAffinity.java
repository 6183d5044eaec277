package io.kubesim.scheduler.plugins;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;
import io.kubesim.scheduler.framework.PreFilterPlugin;
import io.kubesim.scheduler.framework.PreFilterResult;
import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.framework.StateKey;

/**
 * {@code nodeSelector} and node affinity. Pre-filter: when every required term names nodes through
 * {@code matchFields metadata.name In} (as DaemonSet pods do), only those nodes are candidates. Filter: the node
 * must match the {@code nodeSelector} and one of the required terms. Score: the sum of the weights of the preferred
 * terms the node matches, scaled so the best node gets 100. Stateless.
 */
public final class NodeAffinity implements PreFilterPlugin, FilterPlugin, ScorePlugin {

    public static final String NAME = "NodeAffinity";
    static final String REASON = "node(s) didn't match Pod's node affinity/selector";
    static final String CONFLICT = "pod affinity terms conflict";
    private static final StateKey<NodeSelectors.Required> REQUIRED =
            StateKey.of(NAME + "/required", NodeSelectors.Required.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ClusterEvent> events() {
        return EnumSet.of(ClusterEvent.NODE_ADDED, ClusterEvent.NODE_CHANGED);
    }

    @Override
    public PreFilterResult preFilter(CycleState state, Pod pod, List<NodeInfo> nodes) {
        NodeSelectors.Required constraints = NodeSelectors.Required.of(pod);
        if (constraints.isEmpty()) {
            return PreFilterResult.SKIP;
        }
        state.write(REQUIRED, constraints);
        NodeSelector required = NodeSelectors.required(pod);
        if (required == null || required.getNodeSelectorTerms() == null
                || required.getNodeSelectorTerms().isEmpty()) {
            return PreFilterResult.ALL;
        }
        Set<String> names = new HashSet<>();
        for (NodeSelectorTerm term : required.getNodeSelectorTerms()) {
            Set<String> termNames = namedNodes(term);
            if (termNames == null) {
                // Terms are ORed: one term that does not pin node names admits every node.
                return PreFilterResult.ALL;
            }
            names.addAll(termNames);
        }
        return names.isEmpty() ? PreFilterResult.rejected(PluginStatus.unresolvable(CONFLICT))
                : PreFilterResult.only(names);
    }

    /** The node names a term's {@code metadata.name In} field requirements leave (ANDed), or null if it has none. */
    private static Set<String> namedNodes(NodeSelectorTerm term) {
        Set<String> names = null;
        if (term.getMatchFields() != null) {
            for (NodeSelectorRequirement r : term.getMatchFields()) {
                if (NodeSelectors.NAME_FIELD.equals(r.getKey()) && "In".equals(r.getOperator())) {
                    Set<String> values = new HashSet<>(r.getValues() == null ? List.of() : r.getValues());
                    if (names == null) {
                        names = values;
                    } else {
                        names.retainAll(values);
                    }
                }
            }
        }
        return names;
    }

    @Override
    public PluginStatus filter(CycleState state, Pod pod, NodeInfo node) {
        NodeSelectors.Required required = state.read(REQUIRED);
        boolean fits = required != null ? required.matches(node) : NodeSelectors.matchesRequired(pod, node);
        return fits ? PluginStatus.SUCCESS : PluginStatus.unresolvable(REASON);
    }

    @Override
    public PluginStatus preScore(CycleState state, Pod pod, List<NodeInfo> feasible) {
        return preferred(pod).isEmpty() ? PluginStatus.SKIP : PluginStatus.SUCCESS;
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        long sum = 0;
        for (PreferredSchedulingTerm t : preferred(pod)) {
            if (t.getWeight() != null && t.getWeight() != 0 && t.getPreference() != null
                    && NodeSelectors.matches(t.getPreference(), node.name(), node.labels())) {
                sum += t.getWeight();
            }
        }
        return sum;
    }

    @Override
    public void normalize(CycleState state, Pod pod, List<NodeInfo> nodes, long[] scores) {
        ScorePlugin.normalizeToMax(scores, false);
    }

    private static List<PreferredSchedulingTerm> preferred(Pod pod) {
        var affinity = pod.getSpec().getAffinity();
        if (affinity == null || affinity.getNodeAffinity() == null
                || affinity.getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution() == null) {
            return List.of();
        }
        return affinity.getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
    }
}
