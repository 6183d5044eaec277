package io.kubesim.server.patch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kubesim.server.json.Json;
import io.kubesim.server.schema.AnySchema;
import io.kubesim.server.schema.ArraySchema;
import io.kubesim.server.schema.MapSchema;
import io.kubesim.server.schema.ObjectSchema;
import io.kubesim.server.schema.PatchStrategy;
import io.kubesim.server.schema.TypeSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The map half of strategic merge patch: merges a patch object into a target object that the caller owns
 * (it is modified in place), and turns patch values that have nothing to merge with into clean values.
 */
final class ObjectMerge {

    private static final ArraySchema FREE_FORM_LIST = ArraySchema.atomic(AnySchema.INSTANCE);

    private ObjectMerge() {
    }

    /** Merges {@code patch} into {@code target}; returns the merged object, or null when the patch deletes it. */
    static ObjectNode merge(ObjectNode target, ObjectNode patch, TypeSchema schema) {
        JsonNode directive = patch.get(Directives.PATCH);
        if (directive != null) {
            if (Directives.is(directive, Directives.DELETE)) {
                return null;
            }
            if (Directives.is(directive, Directives.REPLACE)) {
                return mergeFields(Json.object(), patch, schema);
            }
            if (!Directives.is(directive, Directives.MERGE)) {
                throw PatchErrors.unknownPatchType(directive, patch);
            }
        }
        return mergeFields(target, patch, schema);
    }

    /**
     * A patch value with nothing to merge into, as it is stored: directives applied to an empty value, nulls
     * dropped. Null when nothing remains ({@code null}, or a map saying {@code $patch: delete}).
     */
    static JsonNode fresh(JsonNode value, TypeSchema schema) {
        if (value instanceof ObjectNode object) {
            return merge(Json.object(), object, schema);
        }
        if (value instanceof ArrayNode list) {
            return freshList(list, asList(schema));
        }
        return value.isNull() ? null : value;
    }

    /** A patch list that replaces the current one (or has none to merge with), without directive elements. */
    static ArrayNode freshList(ArrayNode list, ArraySchema schema) {
        ArrayNode out = Json.nodes().arrayNode(list.size());
        for (JsonNode item : list) {
            if (item instanceof ObjectNode object && object.has(Directives.PATCH)) {
                continue; // list directives only mean something against a current list
            }
            JsonNode clean = item.isContainer() ? fresh(item, schema.items()) : item;
            if (clean != null) {
                out.add(clean);
            }
        }
        return out;
    }

    /** The schema of {@code field} inside a value of {@code parent}; unknown fields are free-form. */
    static TypeSchema child(TypeSchema parent, String field) {
        if (parent instanceof ObjectSchema struct) {
            TypeSchema schema = struct.field(field);
            return schema == null ? AnySchema.INSTANCE : schema;
        }
        return parent instanceof MapSchema map ? map.values() : AnySchema.INSTANCE;
    }

    /** The list semantics of a value; anything that is not declared a list is replaced as a whole. */
    static ArraySchema asList(TypeSchema schema) {
        return schema instanceof ArraySchema list ? list : FREE_FORM_LIST;
    }

    private static ObjectNode mergeFields(ObjectNode target, ObjectNode patch, TypeSchema schema) {
        retainKeys(target, patch);
        Set<String> ordered = ElementOrder.apply(target, patch, schema);
        List<Map.Entry<String, JsonNode>> deletions = List.of();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String key = e.getKey();
            if (key.startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST)) {
                if (deletions.isEmpty()) {
                    deletions = new ArrayList<>();
                }
                deletions.add(e);
            } else if (!Directives.isDirective(key) && !ordered.contains(key)) {
                mergeField(target, key, e.getValue(), child(schema, key));
            }
        }
        // Deletions run last so that they win over additions to the same list in the same patch.
        for (Map.Entry<String, JsonNode> e : deletions) {
            deleteFromPrimitiveList(target, e.getKey(), e.getValue());
        }
        return target;
    }

    private static void mergeField(ObjectNode target, String key, JsonNode value, TypeSchema schema) {
        if (value.isNull()) {
            target.remove(key);
            return;
        }
        JsonNode current = target.get(key);
        JsonNode merged;
        if (current instanceof ObjectNode object && value instanceof ObjectNode members
                && !(schema instanceof ObjectSchema struct && struct.patchStrategy() == PatchStrategy.REPLACE)) {
            merged = merge(object, members, schema);
        } else if (current instanceof ArrayNode list && value instanceof ArrayNode items
                && asList(schema).merges()) {
            merged = ListMerge.merge(list, items, asList(schema));
        } else {
            merged = fresh(value, schema);
        }
        if (merged == null && current instanceof ObjectNode && !(schema instanceof MapSchema)) {
            // kube-apiserver empties a struct deleted by "$patch: delete" (its decoder then drops empty maps)
            target.set(key, Json.object());
        } else if (merged == null) {
            target.remove(key);
        } else if (merged != current) {
            target.set(key, merged);
        }
    }

    /** {@code $retainKeys}: every other patch field must be listed, and unlisted target fields go. */
    private static void retainKeys(ObjectNode target, ObjectNode patch) {
        JsonNode names = patch.get(Directives.RETAIN_KEYS);
        if (names == null) {
            return;
        }
        if (!names.isArray()) {
            throw PatchErrors.badRequest(PatchErrors.BAD_RETAIN_KEYS);
        }
        Set<String> keep = new HashSet<>();
        for (JsonNode name : names) {
            if (name.isString()) {
                keep.add(name.asString());
            }
        }
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String key = e.getKey();
            if (!e.getValue().isNull() && !Directives.isDirective(key) && !keep.contains(key)) {
                throw PatchErrors.badRequest(PatchErrors.BAD_RETAIN_KEYS);
            }
        }
        target.retain(keep);
    }

    private static void deleteFromPrimitiveList(ObjectNode target, String key, JsonNode values) {
        String field = Directives.fieldOf(key, Directives.DELETE_FROM_PRIMITIVE_LIST,
                PatchErrors.BAD_PRIMITIVE_LIST);
        if (values.isNull()) {
            target.remove(field); // kube-apiserver drops the whole list here
            return;
        }
        if (target.get(field) instanceof ArrayNode current && values instanceof ArrayNode remove) {
            Set<Object> gone = new HashSet<>();
            remove.forEach(v -> gone.add(ListMerge.identity(v)));
            ArrayNode kept = Json.nodes().arrayNode(current.size());
            for (JsonNode item : current) {
                if (!gone.contains(ListMerge.identity(item))) {
                    kept.add(item);
                }
            }
            target.set(field, kept);
        }
    }
}
