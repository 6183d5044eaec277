package io.kubesim.server.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decode type checks: values whose JSON type the schema does not accept, such as {@code "replicas": "3"},
 * reported in the words of kube-apiserver's JSON decoder, e.g.
 * {@code json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32}
 * (struct name, then the JSON field names from the root without list positions or map keys). Invalid
 * quantities get the quantity parser's message. kube-apiserver answers 400 BadRequest with the first error,
 * prefixed by {@code <Kind> in version "<v>" cannot be handled as a <Kind>: }. {@code null} is accepted
 * everywhere, as Go decodes it to the zero value; unknown fields and free-form parts are skipped.
 *
 * <p>Stateless and thread-safe.
 */
public final class TypeErrors {

    private TypeErrors() {
    }

    /** All type errors in document order; empty when the object decodes cleanly. */
    public static List<String> find(JsonNode object, TypeSchema schema) {
        List<String> errors = new ArrayList<>();
        walk(object, schema, null, "", errors);
        return errors;
    }

    /**
     * @param struct the Go struct holding the current field, null at the root
     * @param path   JSON field names from the root joined by {@code .}
     */
    private static void walk(JsonNode node, TypeSchema schema, String struct, String path, List<String> errors) {
        if (node == null || node.isNull() || node.isMissingNode() || schema instanceof AnySchema) {
            return;
        }
        if (schema instanceof ObjectSchema s) {
            if (!(node instanceof ObjectNode object)) {
                errors.add(mismatch(kind(node), struct, path, s.goType()));
                return;
            }
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                TypeSchema field = s.field(e.getKey());
                if (field != null) {
                    String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                    walk(e.getValue(), field, s.name(), child, errors);
                }
            }
        } else if (schema instanceof ArraySchema a) {
            if (!(node instanceof ArrayNode list)) {
                errors.add(mismatch(kind(node), struct, path, a.goType()));
                return;
            }
            for (JsonNode item : list) {
                walk(item, a.items(), struct, path, errors);
            }
        } else if (schema instanceof MapSchema m) {
            if (!(node instanceof ObjectNode object)) {
                errors.add(mismatch(kind(node), struct, path, m.goType()));
                return;
            }
            for (JsonNode value : object.values()) {
                walk(value, m.values(), struct, path, errors);
            }
        } else if (schema instanceof PrimitiveSchema p) {
            String error = primitive(node, p, struct, path);
            if (error != null) {
                errors.add(error);
            }
        } else if (schema instanceof IntOrStringSchema) {
            if (!node.isString()) {
                String error = primitive(node, PrimitiveSchema.INT32, struct, path);
                if (error != null) {
                    errors.add(error);
                }
            }
        } else if (schema instanceof QuantitySchema) {
            String error = node.isString() ? QuantityFormat.error(node.asString())
                    : node.isNumber() ? null : QuantityFormat.FORMAT_WRONG;
            if (error != null) {
                errors.add(error);
            }
        }
    }

    private static String primitive(JsonNode node, PrimitiveSchema p, String struct, String path) {
        boolean fits = switch (p.kind()) {
            case STRING -> node.isString();
            case BOOLEAN -> node.isBoolean();
            case NUMBER -> node.isNumber();
            case INTEGER -> node.isNumber();
        };
        if (!fits) {
            return mismatch(kind(node), struct, path, p.goType());
        }
        if (p.kind() == PrimitiveSchema.Kind.INTEGER) {
            boolean inRange = node.isIntegralNumber()
                    && ("int64".equals(p.goType()) ? node.canConvertToLong() : node.canConvertToInt());
            if (!inRange) {
                return mismatch("number " + node.asString(), struct, path, p.goType());
            }
        }
        return null;
    }

    private static String mismatch(String value, String struct, String path, String goType) {
        String target = struct == null ? "Go value" : "Go struct field " + struct + "." + path;
        return "json: cannot unmarshal " + value + " into " + target + " of type " + goType;
    }

    /** The JSON kind as Go's decoder names it. */
    private static String kind(JsonNode node) {
        if (node.isString()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return node.isArray() ? "array" : "object";
    }
}
