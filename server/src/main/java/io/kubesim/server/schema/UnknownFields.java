package io.kubesim.server.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.kubesim.server.validation.GoRepr;

/**
 * Strict field validation ({@code fieldValidation=Strict}): finds the fields of an object that its schema
 * does not know, reported as kube-apiserver's strict JSON decoder reports them — struct fields and map keys
 * joined by {@code .}, list positions as {@code [i]}, e.g. {@code spec.template.spec.containers[0].imagex}.
 * Free-form parts ({@link AnySchema}) and values whose JSON type does not fit the schema (see
 * {@link TypeErrors}) are not looked into. Duplicate fields cannot be seen in a tree; the JSON parser rejects
 * them.
 *
 * <p>Stateless and thread-safe.
 */
public final class UnknownFields {

    private UnknownFields() {
    }

    /** The paths of all unknown fields in document order; empty when there are none. */
    public static List<String> find(JsonNode object, TypeSchema schema) {
        List<String> unknown = new ArrayList<>();
        walk(object, schema, "", unknown);
        return unknown;
    }

    /**
     * The strict decoding error for the given unknown-field paths, e.g.
     * {@code strict decoding error: unknown field "spec.foo", unknown field "spec.bar"}; kube-apiserver prefixes
     * it with {@code <Kind> in version "<v>" cannot be handled as a <Kind>: }.
     */
    public static String describe(List<String> paths) {
        StringBuilder sb = new StringBuilder("strict decoding error: ");
        for (int i = 0; i < paths.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("unknown field ").append(GoRepr.quote(paths.get(i)));
        }
        return sb.toString();
    }

    private static void walk(JsonNode node, TypeSchema schema, String path, List<String> unknown) {
        if (schema instanceof ObjectSchema struct && node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                String child = join(path, e.getKey());
                TypeSchema field = struct.field(e.getKey());
                if (field == null) {
                    unknown.add(child);
                } else {
                    walk(e.getValue(), field, child, unknown);
                }
            }
        } else if (schema instanceof MapSchema map && node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                walk(e.getValue(), map.values(), join(path, e.getKey()), unknown);
            }
        } else if (schema instanceof ArraySchema array && node instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), array.items(), path + "[" + i + "]", unknown);
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
