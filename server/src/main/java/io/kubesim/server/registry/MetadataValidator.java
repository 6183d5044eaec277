package io.kubesim.server.registry;

import java.util.List;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.validation.NameRule;
import io.kubesim.server.validation.ObjectMetaValidation;
import tools.jackson.databind.node.ObjectNode;

/**
 * The object-metadata rules every kind shares, with the kind's own name rule (DNS subdomain by
 * default; DNS label for namespaces). Stateless and thread-safe.
 */
public final class MetadataValidator implements ObjectValidator {

    @Override
    public List<FieldError> validateCreate(ResourceDescriptor d, ObjectNode object) {
        return ObjectMetaValidation.validate(object, d.namespaced(), NameRule.of(d.strategy()));
    }

    @Override
    public List<FieldError> validateUpdate(ResourceDescriptor d, ObjectNode object, ObjectNode old) {
        return ObjectMetaValidation.validateUpdate(object, old);
    }
}
