package io.kubesim.server.patch;

import java.util.Map;

import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON merge patch (RFC 7386, {@code application/merge-patch+json}): objects merge recursively, {@code null}
 * removes a member, every other value — lists included — replaces. A patch that is not an object replaces the
 * whole document, so the caller must check that the result is still an object (kube-apiserver rejects
 * anything else as a bad request).
 *
 * <p>Stateless and thread-safe; the inputs are never modified and the result shares no container nodes with
 * them.
 */
public final class JsonMergePatch {

    private JsonMergePatch() {
    }

    /** Applies {@code patch} to {@code target}; a Java null or missing patch leaves the target unchanged. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || patch.isMissingNode()) {
            return target == null ? null : target.deepCopy();
        }
        if (!(patch instanceof ObjectNode members)) {
            return patch.deepCopy();
        }
        ObjectNode result = target instanceof ObjectNode object ? object.deepCopy() : Json.object();
        merge(result, members);
        return result;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value instanceof ObjectNode members) {
                merge(Json.child(target, e.getKey()), members);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        }
    }
}
