package io.kubesim.server.watch;

import java.util.LinkedHashMap;
import java.util.Map;

import io.kubesim.server.json.Json;
import io.kubesim.server.registry.SelectableFields;
import io.kubesim.server.storage.StoredObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds {@link CachedObject}s from stored bytes. Stateless and thread-safe. */
public final class CachedObjects {

    private CachedObjects() {
    }

    /** Parses {@code stored} once and extracts what selectors need. */
    public static CachedObject decode(StoredObject stored, SelectableFields fields) {
        JsonNode tree = Json.parse(stored.value());
        return fromTree(stored.key(), stored.modRevision(), stored.value(), tree, fields);
    }

    static CachedObject fromTree(String key, long revision, byte[] json, JsonNode tree, SelectableFields fields) {
        JsonNode meta = tree.path("metadata");
        Map<String, String> labels = Map.of();
        JsonNode l = meta.get("labels");
        if (l != null && l.isObject() && !l.isEmpty()) {
            Map<String, String> m = new LinkedHashMap<>();
            l.properties().forEach(e -> m.put(e.getKey(), e.getValue().asString("")));
            labels = Map.copyOf(m);
        }
        String namespace = Json.text(meta, "namespace");
        String name = Json.text(meta, "name");
        Map<String, String> values = new LinkedHashMap<>(fields.extract(tree));
        values.put("metadata.name", name == null ? "" : name);
        values.put("metadata.namespace", namespace == null ? "" : namespace);
        return new CachedObject(key, namespace, name, Json.text(meta, "uid"), revision, json, labels,
                Map.copyOf(values));
    }

    /** The same object with {@code metadata.resourceVersion} set to {@code revision}. */
    public static CachedObject restamp(CachedObject object, long revision) {
        ObjectNode tree = (ObjectNode) Json.parse(object.json());
        Json.child(tree, "metadata").put("resourceVersion", Long.toString(revision));
        return new CachedObject(object.key(), object.namespace(), object.name(), object.uid(), revision,
                Json.bytes(tree), object.labels(), object.fields());
    }
}
