package io.kubesim.server.patch;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.json.Json;
import io.kubesim.server.schema.TypeSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes strategic merge patch ({@code application/strategic-merge-patch+json}), as kube-apiserver applies
 * it to a stored object:
 * <ul>
 *   <li>objects merge recursively and {@code null} deletes a field;</li>
 *   <li>lists whose schema has patch strategy merge merge element-wise — objects by their merge key (matching
 *       elements merge recursively, new ones are added), scalars as a set; all other lists are replaced; the
 *       patch's order wins, elements only in the current list keep their relative place;</li>
 *   <li>{@code $patch: replace} replaces a map or (as a list element) the whole list; {@code $patch: delete}
 *       as a list element removes the elements with its merge key, and on a map leaves what kube-apiserver
 *       stores: {@code {}} for a struct, nothing for a string-keyed map; {@code $patch: merge} is the default
 *       and accepted anywhere (kube-apiserver rejects it);</li>
 *   <li>{@code $setElementOrder/<list>} fixes the final order of a list, {@code $deleteFromPrimitiveList/<list>}
 *       removes scalars, {@code $retainKeys} clears every field of a map it does not name;</li>
 *   <li>fields the schema does not know, and free-form parts, merge like a JSON merge patch.</li>
 * </ul>
 * Directive markers never reach the result. Malformed patches that make kube-apiserver answer 500 (an
 * unhandled error) are reported as 400 BadRequest here.
 *
 * <p>Stateless and thread-safe; the inputs are never modified and the result shares no container nodes with
 * them. The only per-call cost beyond the merge is one deep copy of {@code original}.
 */
public final class StrategicMergePatch {

    private StrategicMergePatch() {
    }

    /**
     * Applies {@code patch} to {@code original}, whose shape and list semantics {@code schema} describes.
     *
     * @return the patched object (never null; a JSON null patch changes nothing)
     * @throws ApiException BadRequest for a patch that is not an object or is malformed (unknown
     *                      {@code $patch} value, list element without its merge key, bad directive format),
     *                      Invalid for lists of lists
     */
    public static JsonNode apply(JsonNode original, JsonNode patch, TypeSchema schema) {
        ObjectNode target = original instanceof ObjectNode object ? object.deepCopy() : Json.object();
        if (patch == null || patch.isNull() || patch.isMissingNode()) {
            return target;
        }
        if (!(patch instanceof ObjectNode members)) {
            throw ApiException.badRequest("json: cannot unmarshal " + PatchErrors.jsonKind(patch)
                    + " into Go value of type map[string]interface {}");
        }
        ObjectNode merged = ObjectMerge.merge(target, members, schema);
        return merged == null ? Json.object() : merged;
    }
}
