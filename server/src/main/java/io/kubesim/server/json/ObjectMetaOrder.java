package io.kubesim.server.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts an object's top-level fields and its metadata fields in the order the real API server
 * writes them (the Go struct order: kind, apiVersion, metadata, then the rest; name, generateName,
 * namespace, uid, resourceVersion, ...). Besides fidelity, this guarantees that the server-set
 * {@code resourceVersion} precedes every user-controlled string in the serialized bytes.
 */
public final class ObjectMetaOrder {

    private static final List<String> TOP = List.of("kind", "apiVersion", "metadata");
    private static final List<String> META = List.of("name", "generateName", "namespace", "selfLink", "uid",
            "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
            "labels", "annotations", "ownerReferences", "finalizers", "managedFields");

    private ObjectMetaOrder() {
    }

    /** Reorders in place. */
    public static void canonicalize(ObjectNode object) {
        reorder(object, TOP);
        JsonNode meta = object.get("metadata");
        if (meta instanceof ObjectNode m) {
            reorder(m, META);
        }
    }

    private static void reorder(ObjectNode node, List<String> order) {
        List<Map.Entry<String, JsonNode>> rest = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> known = new ArrayList<>();
        for (String f : order) {
            JsonNode v = node.get(f);
            if (v != null) {
                known.add(Map.entry(f, v));
            }
        }
        node.properties().forEach(e -> {
            if (!order.contains(e.getKey())) {
                rest.add(Map.entry(e.getKey(), e.getValue()));
            }
        });
        node.removeAll();
        known.forEach(e -> node.set(e.getKey(), e.getValue()));
        rest.forEach(e -> node.set(e.getKey(), e.getValue()));
    }
}
