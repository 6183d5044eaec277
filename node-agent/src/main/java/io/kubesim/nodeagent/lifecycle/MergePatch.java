package io.kubesim.nodeagent.lifecycle;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Computes the JSON merge patch (RFC 7386) that turns one object into another: changed fields,
 * {@code null} for removed ones, lists whole. Stateless.
 */
public final class MergePatch {

    private MergePatch() {
    }

    /** The patch from {@code from} to {@code to}; empty when they are equal. */
    public static ObjectNode diff(ObjectNode from, ObjectNode to) {
        ObjectNode patch = to.objectNode();
        for (Map.Entry<String, JsonNode> e : from.properties()) {
            if (!to.has(e.getKey())) {
                patch.putNull(e.getKey());
            }
        }
        for (Map.Entry<String, JsonNode> e : to.properties()) {
            JsonNode old = from.get(e.getKey());
            JsonNode now = e.getValue();
            if (old != null && old.equals(now)) {
                continue;
            }
            if (old != null && old.isObject() && now.isObject()) {
                patch.set(e.getKey(), diff((ObjectNode) old, (ObjectNode) now));
            } else {
                patch.set(e.getKey(), now.deepCopy());
            }
        }
        return patch;
    }
}
