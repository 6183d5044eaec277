package io.kubesim.nodeagent.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges a rendered status template into the current status, the way a kubelet evolves a status:
 * <ul>
 *   <li>objects merge field by field; a {@code null} removes the field;</li>
 *   <li>lists of objects keyed by {@code type} (conditions, node addresses) or {@code name}
 *       (container statuses) merge element by element: a template element replaces the fields it
 *       names in the element with the same key (so a container's {@code state} is replaced whole)
 *       and new keys are appended;</li>
 *   <li>a condition whose {@code status} does not change keeps its {@code lastTransitionTime},
 *       as upstream components only move that time on a transition;</li>
 *   <li>when the template lists every key the current list has, its order wins (as a kubelet's
 *       {@code $setElementOrder} does); otherwise existing elements keep their places;</li>
 *   <li>any other list is replaced.</li>
 * </ul>
 * Stateless.
 */
public final class StatusMerge {

    private StatusMerge() {
    }

    /** {@code current} with {@code patch} merged in; neither argument is modified. */
    public static ObjectNode merge(ObjectNode current, ObjectNode patch) {
        ObjectNode out = current.deepCopy();
        mergeInto(out, patch);
        return out;
    }

    private static void mergeInto(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String field = e.getKey();
            JsonNode value = e.getValue();
            JsonNode old = target.get(field);
            if (value.isNull()) {
                target.remove(field);
            } else if (value.isObject() && old != null && old.isObject()) {
                mergeInto((ObjectNode) old, (ObjectNode) value);
            } else if (value.isArray() && old != null && old.isArray() && key((ArrayNode) value) != null) {
                target.set(field, mergeList((ArrayNode) old, (ArrayNode) value, key((ArrayNode) value)));
            } else {
                target.set(field, withoutNulls(value));
            }
        }
    }

    /** The merge key of a list: {@code type} or {@code name} when every element has it, else null. */
    private static String key(ArrayNode list) {
        if (list.isEmpty()) {
            return null;
        }
        for (String key : new String[] {"type", "name"}) {
            boolean all = true;
            for (JsonNode e : list) {
                all &= e.isObject() && e.hasNonNull(key);
            }
            if (all) {
                return key;
            }
        }
        return null;
    }

    private static ArrayNode mergeList(ArrayNode old, ArrayNode patch, String key) {
        ArrayNode merged = mergeElements(old, patch, key);
        List<String> order = new ArrayList<>();
        patch.forEach(p -> order.add(Values.text(p.get(key))));
        for (JsonNode o : old) {
            if (!order.contains(Values.text(o.get(key)))) {
                return merged;
            }
        }
        ArrayNode out = merged.arrayNode();
        for (String id : order) {
            for (JsonNode m : merged) {
                if (id.equals(Values.text(m.get(key)))) {
                    out.add(m);
                    break;
                }
            }
        }
        return out;
    }

    private static ArrayNode mergeElements(ArrayNode old, ArrayNode patch, String key) {
        ArrayNode out = old.deepCopy();
        for (JsonNode p : patch) {
            String id = Values.text(p.get(key));
            ObjectNode existing = null;
            for (JsonNode o : out) {
                if (o.isObject() && id.equals(Values.text(o.get(key)))) {
                    existing = (ObjectNode) o;
                }
            }
            if (existing == null) {
                out.add(withoutNulls(p));
                continue;
            }
            boolean sameStatus = key.equals("type") && p.has("status")
                    && Values.text(p.get("status")).equals(Values.text(existing.get("status")));
            for (Map.Entry<String, JsonNode> f : p.properties()) {
                if (f.getValue().isNull()) {
                    existing.remove(f.getKey());
                } else if (!(sameStatus && f.getKey().equals("lastTransitionTime")
                        && existing.hasNonNull("lastTransitionTime"))) {
                    existing.set(f.getKey(), withoutNulls(f.getValue()));
                }
            }
        }
        return out;
    }

    private static JsonNode withoutNulls(JsonNode value) {
        if (value.isObject()) {
            ObjectNode out = ((ObjectNode) value).objectNode();
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                if (!e.getValue().isNull()) {
                    out.set(e.getKey(), withoutNulls(e.getValue()));
                }
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = ((ArrayNode) value).arrayNode();
            value.forEach(v -> out.add(withoutNulls(v)));
            return out;
        }
        return value.deepCopy();
    }
}
