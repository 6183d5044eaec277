package io.kubesim.server.http;

import io.kubesim.server.registry.ResourceDescriptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Applies a PATCH body of a given media type to the current object. Thread-safe. */
interface ObjectPatcher {

    /** Returns the patched object; throws ApiException for malformed or inapplicable patches. */
    ObjectNode apply(ResourceDescriptor d, ObjectNode current, String mediaType, JsonNode patch);
}
