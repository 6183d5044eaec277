package io.kubesim.controllers.support;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;

/**
 * Whether a pod's required placement admits a node: {@code spec.nodeSelector} (every label must
 * match) and the required node affinity (terms are ORed, requirements within a term ANDed; a term
 * without requirements matches nothing; {@code matchFields} supports {@code metadata.name}).
 * Malformed requirements match nothing, as upstream treats parse errors. Stateless.
 */
public final class NodeSelectors {

    private NodeSelectors() {
    }

    public static boolean matches(PodSpec spec, Node node) {
        Map<String, String> labels = labels(node);
        Map<String, String> selector = spec.getNodeSelector();
        if (selector != null) {
            for (Map.Entry<String, String> e : selector.entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        NodeSelector required = spec.getAffinity() == null || spec.getAffinity().getNodeAffinity() == null ? null
                : spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
        return required == null || matches(required, node);
    }

    public static boolean matches(NodeSelector selector, Node node) {
        List<NodeSelectorTerm> terms = selector.getNodeSelectorTerms();
        if (terms == null) {
            return false;
        }
        return terms.stream().anyMatch(term -> matches(term, node));
    }

    private static boolean matches(NodeSelectorTerm term, Node node) {
        List<NodeSelectorRequirement> expressions = orEmpty(term.getMatchExpressions());
        List<NodeSelectorRequirement> fields = orEmpty(term.getMatchFields());
        if (expressions.isEmpty() && fields.isEmpty()) {
            return false;
        }
        Map<String, String> labels = labels(node);
        for (NodeSelectorRequirement r : expressions) {
            if (!matches(r, labels.containsKey(r.getKey()), labels.get(r.getKey()))) {
                return false;
            }
        }
        for (NodeSelectorRequirement r : fields) {
            if (!"metadata.name".equals(r.getKey())) {
                return false;
            }
            String name = node.getMetadata().getName();
            String op = r.getOperator();
            if (!("In".equals(op) || "NotIn".equals(op)) || orEmpty(r.getValues()).size() != 1
                    || !matches(r, true, name)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(NodeSelectorRequirement r, boolean present, String value) {
        List<String> values = orEmpty(r.getValues());
        return switch (r.getOperator() == null ? "" : r.getOperator()) {
            case "In" -> present && values.contains(value);
            case "NotIn" -> !present || !values.contains(value);
            case "Exists" -> present;
            case "DoesNotExist" -> !present;
            case "Gt", "Lt" -> present && values.size() == 1 && compare(r.getOperator(), value, values.get(0));
            default -> false;
        };
    }

    private static boolean compare(String op, String label, String bound) {
        try {
            long l = Long.parseLong(label);
            long b = Long.parseLong(bound);
            return op.equals("Gt") ? l > b : l < b;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<String, String> labels(Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
