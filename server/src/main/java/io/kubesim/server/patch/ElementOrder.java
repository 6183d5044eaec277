package io.kubesim.server.patch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kubesim.server.schema.ArraySchema;
import io.kubesim.server.schema.TypeSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code $setElementOrder/<list>}: merges the named list together with its order directive and then puts the
 * elements the directive names in its order, the others where they were. kubectl's client-side apply sends
 * one for every merging list it touches.
 */
final class ElementOrder {

    private ElementOrder() {
    }

    /**
     * Handles every order directive of {@code patch} on {@code target}.
     *
     * @return the list fields merged here, which the caller must not merge again
     */
    static Set<String> apply(ObjectNode target, ObjectNode patch, TypeSchema schema) {
        Set<String> handled = Set.of();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            if (!e.getKey().startsWith(Directives.SET_ELEMENT_ORDER)) {
                continue;
            }
            String field = Directives.fieldOf(e.getKey(), Directives.SET_ELEMENT_ORDER, PatchErrors.BAD_ORDER_LIST);
            if (!(e.getValue() instanceof ArrayNode order)) {
                throw PatchErrors.badRequest(PatchErrors.BAD_ORDER_LIST);
            }
            JsonNode current = target.get(field);
            JsonNode value = patch.get(field);
            if ((current == null && value == null)
                    || (current != null && !current.isArray()) || (value != null && !value.isArray())) {
                continue; // nothing to order, or not a list on one side: the plain field rules apply
            }
            ArraySchema list = ObjectMerge.asList(ObjectMerge.child(schema, field));
            Map<Object, Integer> currentIndex = current == null ? Map.of()
                    : serverPositions((ArrayNode) current, (ArrayNode) value, list);
            ArrayNode merged;
            if (value == null) {
                merged = (ArrayNode) current;
            } else {
                validate((ArrayNode) value, order, list.mergeKey());
                merged = current != null && list.merges()
                        ? ListMerge.merge((ArrayNode) current, (ArrayNode) value, list)
                        : ObjectMerge.freshList((ArrayNode) value, list);
            }
            target.set(field, reorder(merged, order, currentIndex, list.mergeKey()));
            if (handled.isEmpty()) {
                handled = new HashSet<>();
            }
            handled.add(field);
        }
        return handled;
    }

    /** Elements named by {@code order} in its order; the others interleaved by their place in {@code current}. */
    private static ArrayNode reorder(ArrayNode merged, ArrayNode order, Map<Object, Integer> currentIndex,
                                     String mergeKey) {
        if (mergeKey == null) {
            for (JsonNode item : merged) {
                if (item.isContainer()) {
                    return merged; // objects without a merge key cannot be identified
                }
            }
        }
        Map<Object, Integer> orderIndex = positions(order, mergeKey, true);
        List<ListMerge.Slot> slots = new ArrayList<>(merged.size());
        for (JsonNode item : merged) {
            Object id = id(item, mergeKey, true);
            ListMerge.Slot s = new ListMerge.Slot(item, currentIndex.getOrDefault(id, -1));
            s.patchIndex = orderIndex.getOrDefault(id, -1);
            slots.add(s);
        }
        return ListMerge.arrange(slots);
    }

    /**
     * Where kube-apiserver considers each element to have been in the current list. When the patch deletes
     * elements it shifts the current list in place, and the freed slots at its end are taken by the first
     * elements the patch appends; its ordering step then sees those new elements at the end of the current
     * list. Emulated so that the resulting order is the same.
     */
    private static Map<Object, Integer> serverPositions(ArrayNode current, ArrayNode patchList, ArraySchema list) {
        String key = list.mergeKey();
        if (patchList == null || key == null || !list.merges()) {
            return positions(current, key, false);
        }
        Set<Object> deleted = new HashSet<>();
        boolean replace = false;
        for (JsonNode item : patchList) {
            JsonNode directive = item.get(Directives.PATCH);
            if (Directives.is(directive, Directives.DELETE) && item.has(key)) {
                deleted.add(ListMerge.identity(item.get(key)));
            }
            replace |= Directives.is(directive, Directives.REPLACE);
        }
        if (deleted.isEmpty()) {
            return positions(current, key, false);
        }
        List<Object> window = new ArrayList<>(current.size());
        Set<Object> present = new HashSet<>();
        for (JsonNode item : current) {
            Object id = id(item, key, false);
            if (id == null || !deleted.contains(id)) {
                window.add(id);
                present.add(id);
            }
        }
        for (JsonNode item : patchList) {
            if (replace || window.size() >= current.size()) {
                break;
            }
            Object id = item.has(Directives.PATCH) ? null : id(item, key, false);
            if (id != null && present.add(id)) {
                window.add(id);
            }
        }
        Map<Object, Integer> index = new HashMap<>();
        for (int i = 0; i < window.size(); i++) {
            if (window.get(i) != null) {
                index.putIfAbsent(window.get(i), i);
            }
        }
        return index;
    }

    private static Map<Object, Integer> positions(ArrayNode list, String mergeKey, boolean strict) {
        Map<Object, Integer> index = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Object id = id(list.get(i), mergeKey, strict);
            if (id != null) {
                index.putIfAbsent(id, i);
            }
        }
        return index;
    }

    /** The identity of a list element: its merge-key value, or the scalar itself. */
    private static Object id(JsonNode item, String mergeKey, boolean strict) {
        if (mergeKey == null) {
            return ListMerge.identity(item);
        }
        JsonNode key = item.get(mergeKey);
        if (key == null && strict) {
            throw PatchErrors.noMergeKey(item, mergeKey);
        }
        return key == null ? null : ListMerge.identity(key);
    }

    /** The patch list must name its elements in the directive's relative order. */
    private static void validate(ArrayNode patchList, ArrayNode order, String mergeKey) {
        if (order.isEmpty() || patchList.isEmpty()) {
            return;
        }
        List<JsonNode> items = new ArrayList<>(patchList.size());
        for (JsonNode item : patchList) {
            JsonNode directive = item.get(Directives.PATCH);
            if (directive == null) {
                items.add(item);
            } else if (mergeKey == null || !Directives.is(directive, Directives.DELETE)) {
                items.add(null); // a directive element, skipped when matching
            }
        }
        int p = 0;
        int o = 0;
        while (p < items.size() && o < order.size()) {
            if (items.get(p) == null) {
                p++;
                continue;
            }
            if (id(items.get(p), mergeKey, true).equals(id(order.get(o), mergeKey, true))) {
                p++;
            }
            o++;
        }
        if (p < items.size() && o >= order.size()) {
            throw PatchErrors.badRequest("The order in patch list:\n" + PatchErrors.goFormat(patchList)
                    + "\n doesn't match $setElementOrder list:\n" + PatchErrors.goFormat(order) + "\n");
        }
    }
}
