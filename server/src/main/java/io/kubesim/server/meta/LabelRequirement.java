package io.kubesim.server.meta;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.FieldError;
import io.kubesim.server.json.Json;
import io.kubesim.server.validation.NameValidation;
import tools.jackson.databind.node.ArrayNode;

/**
 * One condition of a label selector: a key, an operator and its values. Values keep the order
 * they were given in; {@link #toString()} renders them sorted, as the apiserver does. The canonical
 * constructor does not validate (for requirements known to be valid); {@link #of} does. Immutable.
 *
 * @param values empty for {@link Operator#EXISTS} and {@link Operator#DOES_NOT_EXIST}; one value
 *               for the equality and comparison operators
 */
public record LabelRequirement(String key, Operator operator, List<String> values) {

    /** Selector operators, with the token each renders as. */
    public enum Operator {
        EQUALS("="),
        DOUBLE_EQUALS("=="),
        NOT_EQUALS("!="),
        IN(" in "),
        NOT_IN(" notin "),
        EXISTS(""),
        DOES_NOT_EXIST(""),
        GREATER_THAN(">"),
        LESS_THAN("<");

        private final String token;

        Operator(String token) {
            this.token = token;
        }
    }

    public LabelRequirement {
        values = List.copyOf(values);
    }

    /**
     * A validated requirement. The checks and messages are the apiserver's: the key and every value
     * must be valid label syntax, and the number of values must fit the operator.
     *
     * @throws ApiException BadRequest describing every problem found
     */
    public static LabelRequirement of(String key, Operator operator, List<String> values) {
        List<FieldError> errors = new ArrayList<>();
        List<String> keyErrors = NameValidation.qualifiedName(key);
        if (!keyErrors.isEmpty()) {
            errors.add(FieldError.invalid("key", key, String.join("; ", keyErrors)));
        }
        switch (operator) {
            case IN, NOT_IN -> {
                if (values.isEmpty()) {
                    errors.add(FieldError.invalid("values", jsonList(values),
                            "for 'in', 'notin' operators, values set can't be empty"));
                }
            }
            case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
                if (values.size() != 1) {
                    errors.add(FieldError.invalid("values", jsonList(values),
                            "exact-match compatibility requires one single value"));
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!values.isEmpty()) {
                    errors.add(FieldError.invalid("values", jsonList(values),
                            "values set must be empty for exists and does not exist"));
                }
            }
            case GREATER_THAN, LESS_THAN -> {
                if (values.size() != 1) {
                    errors.add(FieldError.invalid("values", jsonList(values),
                            "for 'Gt', 'Lt' operators, exactly one value is required"));
                }
                for (int i = 0; i < values.size(); i++) {
                    if (parseInteger(values.get(i)) == null) {
                        errors.add(FieldError.invalid("values[" + i + "]", values.get(i),
                                "for 'Gt', 'Lt' operators, the value must be an integer"));
                    }
                }
            }
        }
        for (int i = 0; i < values.size(); i++) {
            List<String> valueErrors = NameValidation.labelValue(values.get(i));
            if (!valueErrors.isEmpty()) {
                errors.add(FieldError.invalid("values[" + i + "][" + key + "]", values.get(i),
                        String.join("; ", valueErrors)));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(aggregate(errors));
        }
        return new LabelRequirement(key, operator, values);
    }

    /** Whether a set of labels satisfies this requirement; {@code labels} maps keys to values. */
    public boolean matches(Map<String, String> labels) {
        String value = labels.get(key);
        return switch (operator) {
            case EQUALS, DOUBLE_EQUALS, IN -> value != null && values.contains(value);
            case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
            case EXISTS -> value != null;
            case DOES_NOT_EXIST -> value == null;
            case GREATER_THAN, LESS_THAN -> compares(value);
        };
    }

    private boolean compares(String value) {
        Long actual = value == null ? null : parseInteger(value);
        Long bound = values.size() == 1 ? parseInteger(values.get(0)) : null;
        if (actual == null || bound == null) {
            return false;
        }
        return operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
    }

    /** The canonical form, e.g. {@code app=web}, {@code tier in (a,b)}, {@code !canary}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (operator == Operator.DOES_NOT_EXIST) {
            out.append('!');
        }
        out.append(key);
        if (operator == Operator.EXISTS || operator == Operator.DOES_NOT_EXIST) {
            return out.toString();
        }
        out.append(operator.token);
        boolean set = operator == Operator.IN || operator == Operator.NOT_IN;
        if (set) {
            out.append('(');
        }
        out.append(String.join(",", values.stream().sorted().toList()));
        if (set) {
            out.append(')');
        }
        return out.toString();
    }

    /** A base-10 64-bit integer with optional sign, or null. */
    static Long parseInteger(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Go's rendering of a {@code []string} bad value: JSON, {@code null} when empty. */
    private static Object jsonList(List<String> values) {
        if (values.isEmpty()) {
            return Json.nodes().nullNode();
        }
        ArrayNode array = Json.nodes().arrayNode(values.size());
        values.forEach(array::add);
        return array;
    }

    /** An error list as the apiserver prints an aggregate: one message alone, several in brackets. */
    static String aggregate(List<FieldError> errors) {
        Set<String> messages = new LinkedHashSet<>();
        errors.forEach(e -> messages.add(e.fullMessage()));
        return messages.size() == 1 ? messages.iterator().next() : "[" + String.join(", ", messages) + "]";
    }
}
