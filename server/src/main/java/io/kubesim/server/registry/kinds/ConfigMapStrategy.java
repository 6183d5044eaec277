package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.registry.ResourceStrategy;
import io.kubesim.server.validation.FieldPath;
import io.kubesim.server.validation.NameValidation;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ConfigMaps ({@code v1}): valid keys (no key in both {@code data} and {@code binaryData}), at
 * most 1 MiB of content, base64 {@code binaryData}, and no content change once {@code immutable}
 * is set. Stateless and thread-safe.
 */
public final class ConfigMapStrategy implements ResourceStrategy {

    /** Upstream's size limit for a ConfigMap's or Secret's content. */
    static final int MAX_SIZE = 1024 * 1024;
    static final String IMMUTABLE = "field is immutable when `immutable` is set";

    @Override
    public void applyDefaults(ObjectNode cm) {
        Base64Data.check(cm, "binaryData", "ConfigMap");
    }

    @Override
    public List<FieldError> validate(ObjectNode cm) {
        List<FieldError> errs = new ArrayList<>();
        ObjectNode binary = Trees.object(cm, "binaryData");
        long total = 0;
        for (Map.Entry<String, String> e : Trees.stringMapOrEmpty(cm, "data").entrySet()) {
            FieldPath p = FieldPath.of("data").key(e.getKey());
            NameValidation.configMapKey(e.getKey()).forEach(m -> errs.add(FieldError.invalid(p.value(), e.getKey(), m)));
            if (binary != null && binary.has(e.getKey())) {
                errs.add(FieldError.invalid(p.value(), e.getKey(), "duplicate of key present in binaryData"));
            }
            total += e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        if (binary != null) {
            for (Map.Entry<String, JsonNode> e : binary.properties()) {
                FieldPath p = FieldPath.of("binaryData").key(e.getKey());
                NameValidation.configMapKey(e.getKey()).forEach(m -> errs.add(FieldError.invalid(p.value(), e.getKey(), m)));
                total += decodedLength(e.getValue());
            }
        }
        if (total > MAX_SIZE) {
            errs.add(FieldError.tooLong("", "", MAX_SIZE));
        }
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode cm, ObjectNode old) {
        List<FieldError> errs = new ArrayList<>();
        if (Trees.isTrue(old, "immutable")) {
            if (!Trees.isTrue(cm, "immutable")) {
                errs.add(FieldError.forbidden("immutable", IMMUTABLE));
            }
            if (!Trees.same(cm.get("data"), old.get("data"))) {
                errs.add(FieldError.forbidden("data", IMMUTABLE));
            }
            if (!Trees.same(cm.get("binaryData"), old.get("binaryData"))) {
                errs.add(FieldError.forbidden("binaryData", IMMUTABLE));
            }
        }
        errs.addAll(validate(cm));
        return errs;
    }

    /** Bytes a base64 value decodes to (0 when it is not a string). */
    static long decodedLength(JsonNode v) {
        if (v == null || !v.isString()) {
            return 0;
        }
        String s = v.asString().replace("\r", "").replace("\n", "");
        int padding = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
        return (long) s.length() / 4 * 3 - padding;
    }
}
