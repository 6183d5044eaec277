package io.kubesim.scheduler.plugins;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.scheduler.framework.NodeInfo;

/**
 * Matching of a pod's {@code nodeSelector} and node affinity terms against a node, with the semantics of the core/v1
 * node selector: terms are ORed, the requirements of a term ANDed, an empty term matches nothing; {@code matchFields}
 * supports {@code metadata.name} with {@code In}/{@code NotIn}; a requirement that cannot be evaluated (unknown
 * operator, non-integer for {@code Gt}/{@code Lt}) does not match. Stateless.
 */
final class NodeSelectors {

    static final String NAME_FIELD = "metadata.name";

    private NodeSelectors() {
    }

    /**
     * A pod's required node constraints, extracted once per cycle: its {@code nodeSelector} and its required
     * affinity terms (null when it has none; then only the selector applies).
     */
    record Required(Map<String, String> selector, List<NodeSelectorTerm> terms) {

        static Required of(Pod pod) {
            var spec = pod.getSpec();
            Map<String, String> selector = spec == null || spec.getNodeSelector() == null ? Map.of()
                    : spec.getNodeSelector();
            NodeSelector required = required(pod);
            List<NodeSelectorTerm> terms = required == null ? null : list(required.getNodeSelectorTerms());
            return new Required(selector, terms);
        }

        /** Whether every node is acceptable. */
        boolean isEmpty() {
            return selector.isEmpty() && terms == null;
        }

        /** The {@code nodeSelector} and required node affinity both accept the node. */
        boolean matches(NodeInfo node) {
            for (var e : selector.entrySet()) {
                if (!e.getValue().equals(node.labels().get(e.getKey()))) {
                    return false;
                }
            }
            return terms == null || matchesAny(terms, node.name(), node.labels());
        }
    }

    /** The pod's {@code nodeSelector} and required node affinity both accept the node. */
    static boolean matchesRequired(Pod pod, NodeInfo node) {
        return Required.of(pod).matches(node);
    }

    /** {@code spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution}, or null. */
    static NodeSelector required(Pod pod) {
        var spec = pod.getSpec();
        if (spec == null || spec.getAffinity() == null || spec.getAffinity().getNodeAffinity() == null) {
            return null;
        }
        return spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
    }

    static boolean matchesAny(List<NodeSelectorTerm> terms, String nodeName, Map<String, String> labels) {
        if (terms != null) {
            for (NodeSelectorTerm t : terms) {
                if (matches(t, nodeName, labels)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean matches(NodeSelectorTerm term, String nodeName, Map<String, String> labels) {
        List<NodeSelectorRequirement> expressions = list(term.getMatchExpressions());
        List<NodeSelectorRequirement> fields = list(term.getMatchFields());
        if (expressions.isEmpty() && fields.isEmpty()) {
            return false;
        }
        for (NodeSelectorRequirement r : expressions) {
            if (!matchesLabel(r, labels)) {
                return false;
            }
        }
        for (NodeSelectorRequirement r : fields) {
            if (!matchesField(r, nodeName)) {
                return false;
            }
        }
        return true;
    }

    static boolean matchesLabel(NodeSelectorRequirement r, Map<String, String> labels) {
        String value = labels.get(r.getKey());
        List<String> values = list(r.getValues());
        return switch (r.getOperator() == null ? "" : r.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            case "Gt", "Lt" -> compares(r.getOperator(), value, values);
            default -> false;
        };
    }

    private static boolean compares(String op, String value, List<String> values) {
        if (value == null || values.size() != 1) {
            return false;
        }
        try {
            long have = Long.parseLong(value);
            long want = Long.parseLong(values.get(0));
            return op.equals("Gt") ? have > want : have < want;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean matchesField(NodeSelectorRequirement r, String nodeName) {
        if (!NAME_FIELD.equals(r.getKey()) || r.getValues() == null || r.getValues().size() != 1) {
            // The API allows exactly one value for a field requirement.
            return false;
        }
        return switch (r.getOperator() == null ? "" : r.getOperator()) {
            case "In" -> r.getValues().contains(nodeName);
            case "NotIn" -> !r.getValues().contains(nodeName);
            default -> false;
        };
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
