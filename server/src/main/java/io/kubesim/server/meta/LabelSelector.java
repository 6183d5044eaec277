package io.kubesim.server.meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.meta.LabelRequirement.Operator;
import tools.jackson.databind.JsonNode;

/**
 * A label selector: the AND of {@link LabelRequirement}s, sorted by key. Built from the
 * {@code labelSelector} query syntax ({@link #parse}), from a {@code metav1.LabelSelector} object
 * ({@link #fromJson}) or from a plain {@code selector} map ({@link #fromSet}). {@link #toString()}
 * is the canonical form the apiserver prints (e.g. in {@code /scale} {@code status.selector}),
 * such as {@code app=nginx} or {@code app in (a,b),tier!=cache}.
 *
 * <p>Besides "everything" (no requirements) there is "nothing", the selector of an absent
 * {@code metav1.LabelSelector}, which matches no object. Immutable and thread-safe.
 */
public final class LabelSelector {

    private static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);
    private static final LabelSelector NOTHING = new LabelSelector(List.of(), true);

    private final List<LabelRequirement> requirements;
    private final boolean nothing;

    private LabelSelector(List<LabelRequirement> requirements, boolean nothing) {
        this.requirements = requirements;
        this.nothing = nothing;
    }

    public static LabelSelector everything() {
        return EVERYTHING;
    }

    public static LabelSelector nothing() {
        return NOTHING;
    }

    /**
     * Parses the query-string syntax; null or blank selects everything.
     *
     * @throws ApiException BadRequest with the apiserver's message, e.g.
     *                      {@code unable to parse requirement: found '', expected: identifier}
     */
    public static LabelSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        return of(LabelSelectorParser.parse(selector));
    }

    /**
     * The selector of a {@code metav1.LabelSelector} object ({@code matchLabels} and
     * {@code matchExpressions} with {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}).
     * A missing or null node selects nothing; an empty object selects everything.
     *
     * @throws ApiException BadRequest for invalid keys, values or operators
     */
    public static LabelSelector fromJson(JsonNode selector) {
        if (selector == null || selector.isMissingNode() || selector.isNull()) {
            return NOTHING;
        }
        if (!selector.isObject()) {
            throw ApiException.badRequest("a label selector must be an object");
        }
        List<LabelRequirement> requirements = new ArrayList<>();
        JsonNode matchLabels = selector.path("matchLabels");
        if (!matchLabels.isMissingNode() && !matchLabels.isNull()) {
            if (!matchLabels.isObject()) {
                throw ApiException.badRequest("matchLabels must be an object of strings");
            }
            for (Map.Entry<String, JsonNode> label : matchLabels.properties()) {
                requirements.add(LabelRequirement.of(label.getKey(), Operator.EQUALS,
                        List.of(text(label.getValue(), "matchLabels values"))));
            }
        }
        JsonNode expressions = selector.path("matchExpressions");
        if (!expressions.isMissingNode() && !expressions.isNull()) {
            if (!expressions.isArray()) {
                throw ApiException.badRequest("matchExpressions must be an array");
            }
            for (JsonNode expression : expressions) {
                requirements.add(expression(expression));
            }
        }
        return requirements.isEmpty() ? EVERYTHING : of(requirements);
    }

    /**
     * Equality on every entry of a map selector ({@code spec.selector} of Services and RCs), without
     * validation; empty or null selects everything.
     */
    public static LabelSelector fromSet(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return EVERYTHING;
        }
        List<LabelRequirement> requirements = new ArrayList<>();
        labels.forEach((k, v) -> requirements.add(new LabelRequirement(k, Operator.EQUALS, List.of(v))));
        return of(requirements);
    }

    private static LabelSelector of(List<LabelRequirement> requirements) {
        List<LabelRequirement> sorted = new ArrayList<>(requirements);
        sorted.sort(Comparator.comparing(LabelRequirement::key));
        return new LabelSelector(List.copyOf(sorted), false);
    }

    private static LabelRequirement expression(JsonNode expression) {
        if (!expression.isObject()) {
            throw ApiException.badRequest("matchExpressions entries must be objects");
        }
        String key = text(expression.path("key"), "matchExpressions key");
        String operatorName = text(expression.path("operator"), "matchExpressions operator");
        Operator operator = switch (operatorName) {
            case "In" -> Operator.IN;
            case "NotIn" -> Operator.NOT_IN;
            case "Exists" -> Operator.EXISTS;
            case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
            default -> throw ApiException.badRequest("\"" + operatorName + "\" is not a valid label selector operator");
        };
        List<String> values = new ArrayList<>();
        JsonNode valuesNode = expression.path("values");
        if (!valuesNode.isMissingNode() && !valuesNode.isNull()) {
            if (!valuesNode.isArray()) {
                throw ApiException.badRequest("matchExpressions values must be an array of strings");
            }
            valuesNode.forEach(v -> values.add(text(v, "matchExpressions values")));
        }
        return LabelRequirement.of(key, operator, values);
    }

    private static String text(JsonNode node, String what) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (!node.isString()) {
            throw ApiException.badRequest(what + " must be strings");
        }
        return node.asString();
    }

    /** True when every requirement holds; never true for {@link #nothing()}. A null map is no labels. */
    public boolean matches(Map<String, String> labels) {
        if (nothing) {
            return false;
        }
        Map<String, String> present = labels == null ? Map.of() : labels;
        for (LabelRequirement requirement : requirements) {
            if (!requirement.matches(present)) {
                return false;
            }
        }
        return true;
    }

    /** True when the selector has no requirements and so matches every object. */
    public boolean isEverything() {
        return !nothing && requirements.isEmpty();
    }

    /** True for the selector of an absent {@code metav1.LabelSelector}, which matches no object. */
    public boolean isNothing() {
        return nothing;
    }

    /** The requirements, sorted by key (stable for equal keys). */
    public List<LabelRequirement> requirements() {
        return requirements;
    }

    /**
     * The value a key must have when the selector pins it ({@code k=v}, {@code k==v} or
     * {@code k in (v)}), judged by the first requirement on that key, as the apiserver does.
     */
    public Optional<String> exactMatch(String key) {
        for (LabelRequirement requirement : requirements) {
            if (requirement.key().equals(key)) {
                boolean pins = switch (requirement.operator()) {
                    case EQUALS, DOUBLE_EQUALS, IN -> requirement.values().size() == 1;
                    default -> false;
                };
                return pins ? Optional.of(requirement.values().get(0)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The canonical comma-separated form; empty for everything and for nothing. */
    @Override
    public String toString() {
        return requirements.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelSelector that && nothing == that.nothing
                && requirements.equals(that.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode() * 31 + Boolean.hashCode(nothing);
    }
}
