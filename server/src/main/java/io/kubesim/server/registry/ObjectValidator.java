package io.kubesim.server.registry;

import java.util.List;

import io.kubesim.server.api.FieldError;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validation every kind shares (object metadata: names, labels, annotations, owner references,
 * finalizers, immutable fields), applied by the generic store before the kind's own rules. Must not
 * mutate; thread-safe.
 */
public interface ObjectValidator {

    List<FieldError> validateCreate(ResourceDescriptor descriptor, ObjectNode object);

    List<FieldError> validateUpdate(ResourceDescriptor descriptor, ObjectNode object, ObjectNode old);
}
