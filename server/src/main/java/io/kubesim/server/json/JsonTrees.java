package io.kubesim.server.json;

import java.util.Comparator;

import tools.jackson.databind.JsonNode;

/** Comparisons of JSON trees by meaning rather than by Java node class. Stateless. */
public final class JsonTrees {

    /** Numbers compare by value, so an {@code int} 30 equals a {@code long} 30; all else by equality. */
    private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
    };

    private JsonTrees() {
    }

    /** True when {@code a} and {@code b} denote the same JSON value (object key order ignored). */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(NUMERIC, b);
    }
}
