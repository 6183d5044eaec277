package io.kubesim.server.patch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kubesim.server.json.Json;
import io.kubesim.server.schema.ArraySchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The list half of strategic merge patch: element-wise merging of lists with patch strategy merge, and the
 * ordering rule shared with {@code $setElementOrder} — patch order first, and each element that only the
 * current list has stays in front of the first patch element that followed it there.
 */
final class ListMerge {

    /** One element of a merged list with its position in the current list and in the patch (-1: absent). */
    static final class Slot {
        JsonNode node;
        final int currentIndex;
        int patchIndex = -1;

        Slot(JsonNode node, int currentIndex) {
            this.node = node;
            this.currentIndex = currentIndex;
        }
    }

    private ListMerge() {
    }

    /** Merges {@code patch} into {@code current} (whose elements may be modified) for a merging list. */
    static ArrayNode merge(ArrayNode current, ArrayNode patch, ArraySchema schema) {
        if (current.isEmpty() && patch.isEmpty()) {
            return current;
        }
        return holdsObjects(current, patch) ? mergeObjects(current, patch, schema) : mergeScalars(current, patch);
    }

    /**
     * A value's identity for set semantics and merge-key matching: numbers compare by value (so {@code 80} and
     * {@code 80.0} match), everything else by JSON equality.
     */
    static Object identity(JsonNode value) {
        if (value != null && value.isNumber()) {
            BigDecimal number = value.decimalValue();
            return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        }
        return value;
    }

    /** Patch elements in patch order, interleaved with the current-only elements as described above. */
    static ArrayNode arrange(List<Slot> slots) {
        List<Slot> fromPatch = new ArrayList<>(slots.size());
        List<Slot> currentOnly = new ArrayList<>(slots.size());
        for (Slot s : slots) {
            (s.patchIndex >= 0 ? fromPatch : currentOnly).add(s);
        }
        fromPatch.sort(Comparator.comparingInt(s -> s.patchIndex));
        // Elements that are in neither the current list nor the order go last, keeping their order.
        currentOnly.sort(Comparator.comparingInt(s -> s.currentIndex < 0 ? Integer.MAX_VALUE : s.currentIndex));
        ArrayNode out = Json.nodes().arrayNode(slots.size());
        int i = 0;
        int j = 0;
        while (i < currentOnly.size() && j < fromPatch.size()) {
            Slot left = currentOnly.get(i);
            Slot right = fromPatch.get(j);
            if (left.currentIndex >= 0 && right.currentIndex >= 0 && left.currentIndex < right.currentIndex) {
                out.add(left.node);
                i++;
            } else {
                out.add(right.node);
                j++;
            }
        }
        currentOnly.subList(i, currentOnly.size()).forEach(s -> out.add(s.node));
        fromPatch.subList(j, fromPatch.size()).forEach(s -> out.add(s.node));
        return out;
    }

    /** True for lists of objects, false for lists of scalars; mixed lists and lists of lists are errors. */
    private static boolean holdsObjects(ArrayNode current, ArrayNode patch) {
        int objects = 0;
        int scalars = 0;
        for (ArrayNode list : List.of(current, patch)) {
            for (JsonNode item : list) {
                if (item.isArray()) {
                    throw PatchErrors.unprocessable(); // "lists of lists are not supported"
                }
                if (item.isObject()) {
                    objects++;
                } else {
                    scalars++;
                }
            }
        }
        if (objects > 0 && scalars > 0) {
            throw PatchErrors.badRequest("list element types are not identical: ["
                    + PatchErrors.goFormat(current) + " " + PatchErrors.goFormat(patch) + "]");
        }
        return objects > 0;
    }

    /** Set union in first-seen order, then arranged by the patch's order. */
    private static ArrayNode mergeScalars(ArrayNode current, ArrayNode patch) {
        Map<Object, Slot> byValue = new HashMap<>();
        List<Slot> slots = new ArrayList<>(current.size() + patch.size());
        for (int i = 0; i < current.size(); i++) {
            JsonNode item = current.get(i);
            if (!byValue.containsKey(identity(item))) {
                Slot s = new Slot(item, i);
                byValue.put(identity(item), s);
                slots.add(s);
            }
        }
        for (int j = 0; j < patch.size(); j++) {
            JsonNode item = patch.get(j);
            Slot s = byValue.get(identity(item));
            if (s == null) {
                s = new Slot(item, -1);
                byValue.put(identity(item), s);
                slots.add(s);
            }
            if (s.patchIndex < 0) {
                s.patchIndex = j;
            }
        }
        return arrange(slots);
    }

    private static ArrayNode mergeObjects(ArrayNode current, ArrayNode patch, ArraySchema schema) {
        String key = schema.mergeKey();
        if (key == null) {
            throw PatchErrors.badRequest("cannot merge lists without merge key for " + schema.goType());
        }
        List<JsonNode> base = new ArrayList<>(current.size());
        current.forEach(base::add);
        List<ObjectNode> additions = new ArrayList<>(patch.size());
        boolean replace = false;
        for (JsonNode item : patch) {
            ObjectNode element = (ObjectNode) item;
            JsonNode directive = element.get(Directives.PATCH);
            if (directive == null) {
                additions.add(element);
            } else if (Directives.is(directive, Directives.DELETE)) {
                Object doomed = identity(requireKey(element, key));
                base.removeIf(e -> e.has(key) && doomed.equals(identity(e.get(key))));
            } else if (Directives.is(directive, Directives.REPLACE)) {
                replace = true;
            } else if (!Directives.is(directive, Directives.MERGE)) {
                throw PatchErrors.unknownPatchType(directive, element);
            }
        }
        if (replace) {
            ArrayNode out = Json.nodes().arrayNode(additions.size());
            for (ObjectNode element : additions) {
                requireKey(element, key);
                out.add(ObjectMerge.fresh(element, schema.items()));
            }
            return out;
        }
        Map<Object, Slot> byKey = new HashMap<>();
        List<Slot> slots = new ArrayList<>(base.size() + additions.size());
        for (int i = 0; i < base.size(); i++) {
            Slot s = new Slot(base.get(i), i);
            slots.add(s);
            JsonNode id = base.get(i).get(key);
            if (id != null) {
                byKey.putIfAbsent(identity(id), s);
            }
        }
        for (int j = 0; j < additions.size(); j++) {
            ObjectNode element = additions.get(j);
            Object id = identity(requireKey(element, key));
            Slot s = byKey.get(id);
            if (s == null) {
                s = new Slot(ObjectMerge.fresh(element, schema.items()), -1);
                byKey.put(id, s);
                slots.add(s);
            } else {
                s.node = ObjectMerge.merge((ObjectNode) s.node, element, schema.items());
            }
            if (s.patchIndex < 0) {
                s.patchIndex = j;
            }
        }
        return arrange(slots);
    }

    private static JsonNode requireKey(ObjectNode element, String key) {
        JsonNode id = element.get(key);
        if (id == null) {
            throw PatchErrors.noMergeKey(element, key);
        }
        return id;
    }
}
