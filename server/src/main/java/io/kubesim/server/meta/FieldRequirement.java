package io.kubesim.server.meta;

import java.util.Map;

/**
 * One term of a field selector: a field label, equality or inequality, and a value (which may be
 * empty). Immutable.
 */
public record FieldRequirement(String field, Operator operator, String value) {

    /** Field selectors only compare; {@code ==} parses as {@link #EQUALS}. */
    public enum Operator {
        EQUALS("="),
        NOT_EQUALS("!=");

        private final String token;

        Operator(String token) {
            this.token = token;
        }
    }

    /** Whether the object's field values satisfy the term; a field without a value reads as {@code ""}. */
    public boolean matches(Map<String, String> fieldValues) {
        String actual = fieldValues.getOrDefault(field, "");
        return (operator == Operator.EQUALS) == actual.equals(value);
    }

    /** {@code field=value} with {@code \}, {@code ,} and {@code =} escaped in the value. */
    @Override
    public String toString() {
        return field + operator.token + escape(value);
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == ',' || c == '=') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
