package io.kubesim.scheduler.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

/**
 * Matching of a metav1 {@code LabelSelector} against labels: a null selector selects nothing, an empty one
 * everything; {@code matchLabels} and {@code matchExpressions} ({@code In}, {@code NotIn}, {@code Exists},
 * {@code DoesNotExist}) are ANDed. Stateless.
 */
final class LabelSelectors {

    private LabelSelectors() {
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null) {
            for (var e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                if (!matches(r, labels)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
        String value = labels.get(r.getKey());
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        return switch (r.getOperator() == null ? "" : r.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
        };
    }

    /**
     * {@code selector} narrowed by {@code key In (value of key on the pod)} for each of {@code keys} the pod has, as
     * {@code matchLabelKeys} of a topology spread constraint requires.
     */
    static LabelSelector withPodValues(LabelSelector selector, List<String> keys, Map<String, String> podLabels) {
        if (selector == null || keys == null || keys.isEmpty()) {
            return selector;
        }
        List<LabelSelectorRequirement> expressions = new ArrayList<>(
                selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions());
        for (String key : keys) {
            String value = podLabels.get(key);
            if (value != null) {
                expressions.add(new LabelSelectorRequirement(key, "In", List.of(value)));
            }
        }
        return new LabelSelector(expressions, selector.getMatchLabels());
    }
}
