package io.kubesim.server.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Null-tolerant reads of Kubernetes objects held as Jackson trees: a missing field, a JSON
 * {@code null} and a value of the wrong JSON type all read as "absent", so callers never deal with
 * {@code MissingNode}s. Stateless and thread-safe.
 */
public final class Trees {

    private static final Comparator<JsonNode> NUMERIC_EQUALITY = (x, y) -> {
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue());
        }
        return x.equals(y) ? 0 : 1;
    };

    private Trees() {
    }

    /** The string at {@code field}, or null. */
    public static String text(JsonNode node, String field) {
        return Json.text(node, field);
    }

    /** The string at {@code field}, or {@code ""} when absent. */
    public static String textOrEmpty(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? "" : v;
    }

    /** The object at {@code field}, or null. */
    public static ObjectNode object(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v instanceof ObjectNode o ? o : null;
    }

    /** The object at a path of fields, or null. */
    public static ObjectNode objectAt(JsonNode node, String... fields) {
        JsonNode cur = node;
        for (String f : fields) {
            cur = object(cur, f);
            if (cur == null) {
                return null;
            }
        }
        return cur instanceof ObjectNode o ? o : null;
    }

    /** The array at {@code field}, or null. */
    public static ArrayNode array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v instanceof ArrayNode a ? a : null;
    }

    /** The elements of the array at {@code field}; empty when absent. */
    public static List<JsonNode> elements(JsonNode node, String field) {
        ArrayNode a = array(node, field);
        return a == null ? List.of() : new ArrayList<>(a.values());
    }

    /** The object elements of the array at {@code field} (others skipped); empty when absent. */
    public static List<ObjectNode> objects(JsonNode node, String field) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode e : elements(node, field)) {
            if (e instanceof ObjectNode o) {
                out.add(o);
            }
        }
        return out;
    }

    /** The string elements of the array at {@code field}; empty when absent. */
    public static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : elements(node, field)) {
            if (e.isString()) {
                out.add(e.asString());
            }
        }
        return out;
    }

    /**
     * The string-valued map at {@code field} in document order, or null when absent. Scalar
     * non-string values are read as their text.
     */
    public static Map<String, String> stringMap(JsonNode node, String field) {
        ObjectNode o = object(node, field);
        if (o == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isNull() || v.isContainer() ? "" : v.asString());
        }
        return out;
    }

    /** Like {@link #stringMap} but never null. */
    public static Map<String, String> stringMapOrEmpty(JsonNode node, String field) {
        Map<String, String> m = stringMap(node, field);
        return m == null ? Map.of() : m;
    }

    /** The integral number at {@code field}, or null. */
    public static Long integer(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isIntegralNumber() ? v.asLong() : null;
    }

    /** The integral number at {@code field}, or {@code dflt}. */
    public static long integer(JsonNode node, String field, long dflt) {
        Long v = integer(node, field);
        return v == null ? dflt : v;
    }

    /** True only for a JSON {@code true} at {@code field}. */
    public static boolean isTrue(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isBoolean() && v.asBoolean();
    }

    /** True when {@code field} holds anything but JSON {@code null}. */
    public static boolean isSet(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && !v.isNull();
    }

    /** The string at {@code field}; when absent or empty, sets and returns {@code dflt}. */
    public static String defaultText(ObjectNode node, String field, String dflt) {
        String v = text(node, field);
        if (v == null || v.isEmpty()) {
            node.put(field, dflt);
            return dflt;
        }
        return v;
    }

    /** Sets {@code field} to {@code dflt} when it is absent or null. */
    public static void defaultNumber(ObjectNode node, String field, long dflt) {
        if (!isSet(node, field)) {
            putNumber(node, field, dflt);
        }
    }

    /**
     * Sets a number the way the JSON parser would have read it (an int node when it fits), so
     * that defaulted and parsed objects compare equal.
     */
    public static void putNumber(ObjectNode node, String field, long value) {
        if (value == (int) value) {
            node.put(field, (int) value);
        } else {
            node.put(field, value);
        }
    }

    /** The object at {@code field}, created when absent or not an object. */
    public static ObjectNode child(ObjectNode parent, String field) {
        return Json.child(parent, field);
    }

    /**
     * JSON equality of two possibly absent values: absent equals JSON null, and numbers compare by
     * value whatever node type holds them (an int parsed from a request equals a long default).
     */
    public static boolean same(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull() || a.isMissingNode();
        boolean bNull = b == null || b.isNull() || b.isMissingNode();
        if (aNull || bNull) {
            return aNull && bNull;
        }
        return a.equals(NUMERIC_EQUALITY, b);
    }

}
