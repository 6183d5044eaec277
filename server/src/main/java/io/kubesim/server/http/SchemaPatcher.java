package io.kubesim.server.http;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.patch.JsonMergePatch;
import io.kubesim.server.patch.JsonPatch;
import io.kubesim.server.patch.PatchType;
import io.kubesim.server.patch.StrategicMergePatch;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.schema.SchemaRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies PATCH bodies by media type: RFC 6902 JSON patch, RFC 7386 merge patch, and strategic
 * merge patch with the kind's merge keys. An apply patch ({@code application/apply-patch+yaml}) is
 * merged as the intent over the live object with strategic-merge semantics; field ownership
 * (managedFields) is not tracked yet. Thread-safe.
 */
final class SchemaPatcher implements ObjectPatcher {

    private final SchemaRegistry schemas;

    SchemaPatcher(SchemaRegistry schemas) {
        this.schemas = schemas;
    }

    @Override
    public ObjectNode apply(ResourceDescriptor d, ObjectNode current, String mediaType, JsonNode patch) {
        PatchType type = PatchType.fromContentType(mediaType);
        JsonNode result = switch (type) {
            case JSON_PATCH -> JsonPatch.apply(current, patch);
            case MERGE_PATCH -> JsonMergePatch.apply(current, patch);
            case STRATEGIC_MERGE_PATCH, APPLY_PATCH -> d == null || d.modelClass() == null
                    ? JsonMergePatch.apply(current, patch)
                    : StrategicMergePatch.apply(current, patch, schemas.forModel(d.modelClass()));
        };
        if (!(result instanceof ObjectNode object)) {
            throw ApiException.badRequest("the patch did not produce an object");
        }
        return object;
    }
}
