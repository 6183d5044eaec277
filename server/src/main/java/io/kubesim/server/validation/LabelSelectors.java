package io.kubesim.server.validation;

import java.util.List;
import java.util.Map;

import io.kubesim.server.api.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * Evaluation of a {@code metav1.LabelSelector} given as JSON against a label map, with upstream's
 * conversion semantics: a null selector selects nothing, an empty one everything. Stateless and
 * thread-safe.
 */
public final class LabelSelectors {

    public static final String SELECTOR_MISMATCH = "`selector` does not match template `labels`";

    private LabelSelectors() {
    }

    /** True when the selector has neither match labels nor match expressions (it selects everything). */
    public static boolean isEmpty(JsonNode selector) {
        return selector != null && selector.isObject()
                && Trees.stringMapOrEmpty(selector, "matchLabels").isEmpty()
                && Trees.elements(selector, "matchExpressions").isEmpty();
    }

    /**
     * Whether upstream's {@code LabelSelectorAsSelector} accepts the selector: known operators,
     * values present exactly when the operator needs them, syntactically valid keys and values.
     */
    public static boolean isConvertible(JsonNode selector) {
        if (selector == null || !selector.isObject()) {
            return true;
        }
        for (Map.Entry<String, String> e : Trees.stringMapOrEmpty(selector, "matchLabels").entrySet()) {
            if (!NameValidation.qualifiedName(e.getKey()).isEmpty() || !NameValidation.labelValue(e.getValue()).isEmpty()) {
                return false;
            }
        }
        for (JsonNode req : Trees.elements(selector, "matchExpressions")) {
            String op = Trees.textOrEmpty(req, "operator");
            List<String> values = Trees.strings(req, "values");
            boolean ok = switch (op) {
                case "In", "NotIn" -> !values.isEmpty();
                case "Exists", "DoesNotExist" -> values.isEmpty();
                default -> false;
            };
            if (!ok || !NameValidation.qualifiedName(Trees.textOrEmpty(req, "key")).isEmpty()
                    || values.stream().anyMatch(v -> !NameValidation.labelValue(v).isEmpty())) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code labels} (null means none) satisfy the selector. */
    public static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (selector == null || !selector.isObject()) {
            return false;
        }
        Map<String, String> l = labels == null ? Map.of() : labels;
        for (Map.Entry<String, String> e : Trees.stringMapOrEmpty(selector, "matchLabels").entrySet()) {
            if (!e.getValue().equals(l.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode req : Trees.elements(selector, "matchExpressions")) {
            String key = Trees.textOrEmpty(req, "key");
            List<String> values = Trees.strings(req, "values");
            boolean ok = switch (Trees.textOrEmpty(req, "operator")) {
                case "In" -> l.containsKey(key) && values.contains(l.get(key));
                case "NotIn" -> !l.containsKey(key) || !values.contains(l.get(key));
                case "Exists" -> l.containsKey(key);
                case "DoesNotExist" -> !l.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code <templatePath>.metadata.labels: Invalid value: map[...]: `selector` does not match
     * template `labels`} when the pod template's labels do not satisfy a workload's selector. A
     * null selector selects nothing and so always fails; an empty one selects everything and is
     * not checked, as upstream.
     */
    public static List<FieldError> validateTemplateLabels(JsonNode selector, JsonNode template, FieldPath templatePath) {
        if (isEmpty(selector)) {
            return List.of();
        }
        Map<String, String> labels = Trees.stringMap(Trees.object(template, "metadata"), "labels");
        if (matches(selector, labels)) {
            return List.of();
        }
        return List.of(FieldError.invalid(templatePath.child("metadata", "labels").value(), GoRepr.stringMap(labels),
                SELECTOR_MISMATCH));
    }
}
