package io.kubesim.nodeagent.lifecycle;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A JSON pointer ({@code /status/phase}) extended for lists, as stage selectors need it:
 * <ul>
 *   <li>{@code *} stands for every element of an array (or every value of an object):
 *       {@code /status/containerStatuses/*&#47;state/waiting/reason};</li>
 *   <li>{@code name[key=value]} keeps only the elements of array {@code name} whose field {@code key}
 *       equals {@code value}: {@code /status/conditions[type=Ready]/status};</li>
 *   <li>{@code ~1} and {@code ~0} escape {@code /} and {@code ~} as in RFC 6901:
 *       {@code /metadata/annotations/kubesim.io~1stage-delay}.</li>
 * </ul>
 * {@link #select} returns every value the path reaches; JSON {@code null} counts as absent, so
 * that a field explicitly set to null reads like a missing one. Immutable and thread-safe.
 */
public final class ObjectPath {

    private record Segment(String name, String filterKey, String filterValue) {

        boolean wildcard() {
            return name.equals("*") && filterKey == null;
        }
    }

    private final String text;
    private final List<Segment> segments;

    private ObjectPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Parses a path; the empty string and {@code /} address the root.
     *
     * @throws IllegalArgumentException when it does not start with {@code /} or a filter is malformed
     */
    public static ObjectPath parse(String text) {
        if (text.isEmpty() || text.equals("/")) {
            return new ObjectPath(text, List.of());
        }
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("path \"" + text + "\" must start with /");
        }
        List<Segment> segments = new ArrayList<>();
        for (String raw : text.substring(1).split("/", -1)) {
            segments.add(segment(text, raw));
        }
        return new ObjectPath(text, List.copyOf(segments));
    }

    private static Segment segment(String path, String raw) {
        int open = raw.indexOf('[');
        if (open < 0 || !raw.endsWith("]")) {
            return new Segment(unescape(raw), null, null);
        }
        String filter = raw.substring(open + 1, raw.length() - 1);
        int eq = filter.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("path \"" + path + "\": filter [" + filter + "] must be [key=value]");
        }
        return new Segment(unescape(raw.substring(0, open)), unescape(filter.substring(0, eq)),
                unescape(filter.substring(eq + 1)));
    }

    private static String unescape(String s) {
        return s.replace("~1", "/").replace("~0", "~");
    }

    /** Every non-null value this path reaches in {@code root}, in document order. */
    public List<JsonNode> select(JsonNode root) {
        List<JsonNode> current = new ArrayList<>();
        if (root != null && !root.isNull() && !root.isMissingNode()) {
            current.add(root);
        }
        for (Segment s : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                step(node, s, next);
            }
            current = next;
            if (current.isEmpty()) {
                break;
            }
        }
        return current;
    }

    private static void step(JsonNode node, Segment s, List<JsonNode> out) {
        if (s.wildcard()) {
            if (node.isArray() || node.isObject()) {
                node.values().forEach(v -> add(v, out));
            }
            return;
        }
        JsonNode child = child(node, s.name());
        if (s.filterKey() == null) {
            add(child, out);
            return;
        }
        if (child != null && child.isArray()) {
            for (JsonNode element : child) {
                JsonNode key = element.get(s.filterKey());
                if (key != null && !key.isNull() && Values.text(key).equals(s.filterValue())) {
                    add(element, out);
                }
            }
        }
    }

    private static JsonNode child(JsonNode node, String name) {
        if (node.isObject()) {
            return node.get(name);
        }
        if (node.isArray() && !name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
            return node.get(Integer.parseInt(name));
        }
        return null;
    }

    private static void add(JsonNode v, List<JsonNode> out) {
        if (v != null && !v.isNull() && !v.isMissingNode()) {
            out.add(v);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
