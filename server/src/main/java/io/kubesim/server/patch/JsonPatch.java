package io.kubesim.server.patch;

import java.util.EnumSet;

import io.fabric8.zjsonpatch.CompatibilityFlags;
import io.fabric8.zjsonpatch.JsonPatchException;
import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * JSON patch (RFC 6902, {@code application/json-patch+json}): {@code add}, {@code remove}, {@code replace},
 * {@code move}, {@code copy} and {@code test} with JSON-pointer paths ({@code ~1} for {@code /}, {@code ~0}
 * for {@code ~}). Errors follow kube-apiserver: a body that is not a list of objects is a
 * {@link Reason#BadRequest}; more than 10000 operations is {@link Reason#RequestEntityTooLarge}; any failure
 * while applying (failed {@code test}, missing path, unknown op, ...) is {@link Reason#Invalid} with the
 * generic message {@code the server rejected our request due to an error in our request}, because the real
 * server discards the detail too.
 *
 * <p>Stateless and thread-safe; the inputs are never modified.
 */
public final class JsonPatch {

    /** kube-apiserver's limit on operations per JSON patch. */
    public static final int MAX_OPERATIONS = 10_000;

    // Removing a path that does not exist is an error in kube-apiserver's JSON patch library, too.
    private static final EnumSet<CompatibilityFlags> FLAGS =
            EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT);

    private JsonPatch() {
    }

    /** Applies the operations of {@code patchArray} to {@code target} in order, all or nothing. */
    public static JsonNode apply(JsonNode target, JsonNode patchArray) {
        if (patchArray == null || patchArray.isNull() || patchArray.isMissingNode()) {
            return target.deepCopy();
        }
        if (!(patchArray instanceof ArrayNode operations)) {
            throw ApiException.badRequest("json: cannot unmarshal " + PatchErrors.jsonKind(patchArray)
                    + " into Go value of type jsonpatch.Patch");
        }
        for (JsonNode op : operations) {
            if (!op.isObject() && !op.isNull()) {
                throw ApiException.badRequest("json: cannot unmarshal " + PatchErrors.jsonKind(op)
                        + " into Go value of type jsonpatch.Operation");
            }
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw new ApiException(Reason.RequestEntityTooLarge, "The allowed maximum operations in a JSON patch is "
                    + MAX_OPERATIONS + ", got " + operations.size());
        }
        try {
            return io.fabric8.zjsonpatch.JsonPatch.apply(operations, target, FLAGS);
        } catch (JsonPatchException | IllegalArgumentException | IllegalStateException
                 | IndexOutOfBoundsException e) {
            throw PatchErrors.unprocessable();
        }
    }
}
