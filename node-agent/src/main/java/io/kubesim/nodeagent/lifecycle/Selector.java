package io.kubesim.nodeagent.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The condition a stage (or a {@code $where} clause) puts on an object: every expression must
 * hold. An expression names an {@link ObjectPath}, which may reach several values (a wildcard
 * over containers), and an operator over them:
 * <ul>
 *   <li>{@code In}: some value is one of {@code values};</li>
 *   <li>{@code NotIn}: no value is one of {@code values} (true when the path reaches nothing,
 *       as for label selectors);</li>
 *   <li>{@code Exists} / {@code DoesNotExist}: the path reaches something / nothing;</li>
 *   <li>{@code Matches}: some value matches one of the regular expressions in {@code values}
 *       entirely; {@code NotMatches}: none does.</li>
 * </ul>
 * Values compare as text, so {@code 0} matches {@code "0"}. Immutable and thread-safe.
 */
public record Selector(List<Expression> expressions) {

    /** The selector that matches everything. */
    public static final Selector ALL = new Selector(List.of());

    public Selector {
        expressions = List.copyOf(expressions);
    }

    /** The operators of {@link Expression}. */
    public enum Operator {
        IN("In"), NOT_IN("NotIn"), EXISTS("Exists"), DOES_NOT_EXIST("DoesNotExist"), MATCHES("Matches"),
        NOT_MATCHES("NotMatches");

        private final String spelling;

        Operator(String spelling) {
            this.spelling = spelling;
        }

        /** The operator spelled {@code name} as in stage files ({@code In}, {@code NotIn}, ...). */
        public static Operator of(String name) {
            for (Operator o : values()) {
                if (o.spelling.equals(name)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown operator \"" + name + "\", expected one of "
                    + List.of(values()));
        }

        @Override
        public String toString() {
            return spelling;
        }
    }

    /**
     * One condition: {@code path operator values}.
     *
     * @throws IllegalArgumentException when {@code values} does not suit the operator or a pattern
     *                                  does not compile
     */
    public record Expression(ObjectPath path, Operator operator, List<String> values, List<Pattern> patterns) {

        public Expression {
            values = List.copyOf(values);
            patterns = List.copyOf(patterns);
        }

        public static Expression of(String path, Operator operator, List<String> values) {
            boolean needsValues = operator != Operator.EXISTS && operator != Operator.DOES_NOT_EXIST;
            if (needsValues == values.isEmpty()) {
                throw new IllegalArgumentException("operator " + operator + " on " + path
                        + (needsValues ? " needs values" : " takes no values"));
            }
            List<Pattern> patterns = operator == Operator.MATCHES || operator == Operator.NOT_MATCHES
                    ? values.stream().map(Pattern::compile).toList() : List.of();
            return new Expression(ObjectPath.parse(path), operator, values, patterns);
        }

        public boolean matches(JsonNode object) {
            List<JsonNode> found = path.select(object);
            return switch (operator) {
                case EXISTS -> !found.isEmpty();
                case DOES_NOT_EXIST -> found.isEmpty();
                case IN -> found.stream().anyMatch(v -> values.contains(Values.text(v)));
                case NOT_IN -> found.stream().noneMatch(v -> values.contains(Values.text(v)));
                case MATCHES -> found.stream().anyMatch(this::matchesPattern);
                case NOT_MATCHES -> found.stream().noneMatch(this::matchesPattern);
            };
        }

        private boolean matchesPattern(JsonNode v) {
            String text = Values.text(v);
            return patterns.stream().anyMatch(p -> p.matcher(text).matches());
        }

        @Override
        public String toString() {
            return path + " " + operator + (values.isEmpty() ? "" : " " + values);
        }
    }

    /**
     * Reads a list of {@code {key, operator, values}} expressions as written in stage files;
     * null or missing means {@link #ALL}.
     *
     * @throws StageException when an expression is malformed
     */
    public static Selector fromYaml(JsonNode expressions) {
        if (expressions == null || expressions.isNull() || expressions.isMissingNode()) {
            return ALL;
        }
        if (!expressions.isArray()) {
            throw new StageException("matchExpressions must be a list");
        }
        List<Expression> list = new ArrayList<>();
        for (JsonNode e : expressions) {
            String key = Values.text(e.get("key"));
            List<String> values = new ArrayList<>();
            JsonNode vs = e.get("values");
            if (vs != null && vs.isArray()) {
                vs.forEach(v -> values.add(Values.text(v)));
            } else if (vs != null && !vs.isNull()) {
                throw new StageException("values of " + key + " must be a list");
            }
            try {
                list.add(Expression.of(key, Operator.of(Values.text(e.get("operator"))), values));
            } catch (IllegalArgumentException ex) {
                throw new StageException("expression on \"" + key + "\": " + ex.getMessage(), ex);
            }
        }
        return new Selector(list);
    }

    public boolean matches(JsonNode object) {
        for (Expression e : expressions) {
            if (!e.matches(object)) {
                return false;
            }
        }
        return true;
    }
}
