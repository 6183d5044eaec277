package io.kubesim.server.table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Lenient reads from object trees with Go's zero values for whatever is absent or mistyped, so
 * that printing never fails on a partially filled object. Stateless.
 */
final class Fields {

    private Fields() {
    }

    /** The node at {@code path}, or a missing node. */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node == null ? MissingNode.getInstance() : node;
        for (String p : path) {
            n = n.path(p);
        }
        return n;
    }

    /** The string at {@code path}, or {@code ""}. */
    static String text(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n.isString() ? n.asString() : "";
    }

    /** The integer at {@code path}, or 0. */
    static long integer(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n.isIntegralNumber() ? n.longValue() : 0;
    }

    /** The integer at {@code path}, or {@code fallback} when absent (a field the server defaults). */
    static long integer(JsonNode node, long fallback, String... path) {
        JsonNode n = at(node, path);
        return n.isIntegralNumber() ? n.longValue() : fallback;
    }

    static boolean bool(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n.isBoolean() && n.booleanValue();
    }

    /** Whether {@code path} holds an object, i.e. a non-nil Go pointer to a struct. */
    static boolean present(JsonNode node, String... path) {
        return at(node, path).isObject();
    }

    /** The elements of the array at {@code path}, or none. */
    static List<JsonNode> items(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n.isArray() ? List.copyOf(n.values()) : List.of();
    }

    /** The number of entries of the object or array at {@code path}. */
    static int size(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n.isObject() || n.isArray() ? n.size() : 0;
    }

    /** The timestamp at {@code path}; empty when absent or zero. */
    static Optional<Instant> time(JsonNode node, String... path) {
        return Ages.parse(text(node, path));
    }

    /** {@code s}, or {@code fallback} when {@code s} is empty (the printers' {@code <none>} and friends). */
    static String or(String s, String fallback) {
        return s.isEmpty() ? fallback : s;
    }

    static String name(JsonNode object) {
        return text(object, "metadata", "name");
    }

    /** The Age cell: time since {@code metadata.creationTimestamp}. */
    static String age(JsonNode object, Instant now) {
        return Ages.since(text(object, "metadata", "creationTimestamp"), now);
    }
}
