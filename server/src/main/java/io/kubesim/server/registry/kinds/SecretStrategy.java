package io.kubesim.server.registry.kinds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.json.Json;
import io.kubesim.server.registry.ResourceStrategy;
import io.kubesim.server.validation.FieldPath;
import io.kubesim.server.validation.NameValidation;
import io.kubesim.server.validation.ObjectMetaValidation;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secrets ({@code v1}): type {@code Opaque} by default, {@code stringData} folded into
 * {@code data} (it is never stored, as upstream), base64 {@code data}, valid keys, at most 1 MiB,
 * the keys each built-in type requires, {@code type} immutable, and no content change once
 * {@code immutable} is set. Stateless and thread-safe.
 */
public final class SecretStrategy implements ResourceStrategy {

    @Override
    public void applyDefaults(ObjectNode secret) {
        Base64Data.check(secret, "data", "Secret");
        ObjectNode stringData = Trees.object(secret, "stringData");
        if (stringData != null) {
            ObjectNode data = Trees.child(secret, "data");
            for (Map.Entry<String, JsonNode> e : stringData.properties()) {
                String text = e.getValue().isNull() ? "" : e.getValue().asString();
                data.put(e.getKey(), Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
            }
        }
        secret.remove("stringData");
        Trees.defaultText(secret, "type", "Opaque");
    }

    @Override
    public List<FieldError> validate(ObjectNode secret) {
        List<FieldError> errs = new ArrayList<>();
        ObjectNode data = Trees.object(secret, "data");
        long total = 0;
        if (data != null) {
            for (Map.Entry<String, JsonNode> e : data.properties()) {
                FieldPath p = FieldPath.of("data").key(e.getKey());
                NameValidation.configMapKey(e.getKey()).forEach(m -> errs.add(FieldError.invalid(p.value(), e.getKey(), m)));
                total += ConfigMapStrategy.decodedLength(e.getValue());
            }
        }
        if (total > ConfigMapStrategy.MAX_SIZE) {
            errs.add(FieldError.tooLong("data", "", ConfigMapStrategy.MAX_SIZE));
        }
        errs.addAll(validateType(secret, data));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode secret, ObjectNode old) {
        List<FieldError> errs = new ArrayList<>();
        String type = Trees.textOrEmpty(secret, "type");
        if (!type.equals(Trees.textOrEmpty(old, "type"))) {
            errs.add(FieldError.invalid("type", type, ObjectMetaValidation.FIELD_IMMUTABLE));
        }
        if (Trees.isTrue(old, "immutable")) {
            if (!Trees.isTrue(secret, "immutable")) {
                errs.add(FieldError.forbidden("immutable", ConfigMapStrategy.IMMUTABLE));
            }
            if (!Trees.same(secret.get("data"), old.get("data"))) {
                errs.add(FieldError.forbidden("data", ConfigMapStrategy.IMMUTABLE));
            }
        }
        errs.addAll(validate(secret));
        return errs;
    }

    /** The keys the built-in secret types require (paths as upstream prints them, quirks included). */
    private static List<FieldError> validateType(ObjectNode secret, ObjectNode data) {
        List<FieldError> errs = new ArrayList<>();
        switch (Trees.textOrEmpty(secret, "type")) {
            case "kubernetes.io/service-account-token" -> {
                String sa = "kubernetes.io/service-account.name";
                if (Trees.textOrEmpty(Trees.objectAt(secret, "metadata", "annotations"), sa).isEmpty()) {
                    errs.add(FieldError.required(FieldPath.of("metadata", "annotations").key(sa).value(), ""));
                }
            }
            case "kubernetes.io/dockercfg" -> errs.addAll(requireJson(data, ".dockercfg"));
            case "kubernetes.io/dockerconfigjson" -> errs.addAll(requireJson(data, ".dockerconfigjson"));
            case "kubernetes.io/basic-auth" -> {
                if (!has(data, "username") && !has(data, "password")) {
                    errs.add(FieldError.required("data[%s][username]", ""));
                    errs.add(FieldError.required("data[%s][password]", ""));
                }
            }
            case "kubernetes.io/ssh-auth" -> {
                if (ConfigMapStrategy.decodedLength(data == null ? null : data.get("ssh-privatekey")) <= 0) {
                    errs.add(FieldError.required("data[%s][ssh-privatekey]", ""));
                }
            }
            case "kubernetes.io/tls" -> {
                for (String key : List.of("tls.crt", "tls.key")) {
                    if (!has(data, key)) {
                        errs.add(FieldError.required(FieldPath.of("data").key(key).value(), ""));
                    }
                }
            }
            default -> { }
        }
        return errs;
    }

    private static List<FieldError> requireJson(ObjectNode data, String key) {
        String path = FieldPath.of("data").key(key).value();
        if (!has(data, key)) {
            return List.of(FieldError.required(path, ""));
        }
        try {
            byte[] raw = Base64.getMimeDecoder().decode(data.get(key).asString());
            if (!Json.parse(raw).isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            return List.of();
        } catch (RuntimeException e) {
            return List.of(FieldError.invalid(path, "<secret contents redacted>", "invalid character in JSON content"));
        }
    }

    private static boolean has(ObjectNode data, String key) {
        return data != null && data.has(key);
    }
}
