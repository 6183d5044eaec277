package io.kubesim.server.http;

import java.util.List;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.FieldError;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.WriteOptions;
import io.kubesim.server.schema.SchemaRegistry;
import io.kubesim.server.schema.TypeErrors;
import io.kubesim.server.schema.UnknownFields;
import io.vertx.core.http.HttpServerResponse;
import tools.jackson.databind.JsonNode;

/**
 * Decoding checks the real server makes against the kind's Go types: a value of the wrong JSON type
 * is always a 400, and unknown fields are a 400 with {@code fieldValidation=Strict}, a
 * {@code Warning} header with {@code Warn}, and ignored with {@code Ignore}. Thread-safe.
 */
final class BodyValidation {

    private final SchemaRegistry schemas;

    BodyValidation(SchemaRegistry schemas) {
        this.schemas = schemas;
    }

    /** Checks a create or update body. */
    void checkObject(ResourceDescriptor d, JsonNode object, WriteOptions options, HttpServerResponse response) {
        if (d.modelClass() == null) {
            return;
        }
        var schema = schemas.forModel(d.modelClass());
        List<String> typeErrors = TypeErrors.find(object, schema);
        if (!typeErrors.isEmpty()) {
            throw ApiException.badRequest(prefix(d) + typeErrors.get(0));
        }
        unknown(d, UnknownFields.find(object, schema), options, response, null);
    }

    /** Checks the result of a patch; strict failures are 422 on the field {@code patch}, as upstream. */
    void checkPatched(ResourceDescriptor d, JsonNode patched, JsonNode patch, WriteOptions options,
                      HttpServerResponse response) {
        if (d.modelClass() == null) {
            return;
        }
        var schema = schemas.forModel(d.modelClass());
        List<String> typeErrors = TypeErrors.find(patched, schema);
        if (!typeErrors.isEmpty()) {
            throw ApiException.invalid(d.group(), d.kind(), name(patched), List.of(
                    FieldError.invalid("patch", patch.toString(), typeErrors.get(0))));
        }
        unknown(d, UnknownFields.find(patched, schema), options, response, patch);
    }

    private static void unknown(ResourceDescriptor d, List<String> unknown, WriteOptions options,
                                HttpServerResponse response, JsonNode patch) {
        if (unknown.isEmpty() || options.fieldValidation() == WriteOptions.FieldValidation.Ignore) {
            return;
        }
        if (options.fieldValidation() == WriteOptions.FieldValidation.Warn) {
            for (String field : unknown) {
                response.headers().add("Warning", "299 - \"unknown field \\\"" + field + "\\\"\"");
            }
            return;
        }
        String message = UnknownFields.describe(unknown);
        if (patch != null) {
            throw ApiException.invalid(d.group(), d.kind(), "", List.of(
                    FieldError.invalid("patch", patch.toString(), message)));
        }
        throw ApiException.badRequest(prefix(d) + message);
    }

    private static String prefix(ResourceDescriptor d) {
        return d.kind() + " in version \"" + d.version() + "\" cannot be handled as a " + d.kind() + ": ";
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asString("");
    }
}
