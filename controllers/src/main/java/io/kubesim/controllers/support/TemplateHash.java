package io.kubesim.controllers.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Template hashes and template equality as the workload controllers use them: the
 * {@code pod-template-hash} of Deployments, the revision names of StatefulSets and the
 * {@code controller-revision-hash} of DaemonSets. The hash has the shape of Kubernetes'
 * {@code controller.ComputeHash}: FNV-32a over a deterministic rendering of the template, then the
 * collision count as 8 little-endian bytes, and the decimal value "safe-encoded" into
 * {@code [bcdfghjklmnpqrstvwxz2456789]} (so names never spell words). The rendering is canonical
 * JSON (sorted keys, nulls and empty collections dropped), not Go's struct dump, so hash values
 * differ from a real cluster's while keeping their form. Stateless.
 */
public final class TemplateHash {

    /** The label carrying a ReplicaSet's template hash on it, its selector, its template and its pods. */
    public static final String POD_TEMPLATE_HASH = "pod-template-hash";

    private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private TemplateHash() {
    }

    /** The hash of {@code template} with {@code collisionCount} (null = none), e.g. {@code 7c5ddbdf54}. */
    public static String compute(PodTemplateSpec template, Integer collisionCount) {
        int h = fnv32a(FNV_OFFSET, canonical(template).toString().getBytes(StandardCharsets.UTF_8));
        if (collisionCount != null) {
            int c = collisionCount;
            // As upstream: the count as a little-endian uint32 in an 8-byte buffer.
            h = fnv32a(h, new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24), 0, 0, 0, 0});
        }
        return safeEncode(Integer.toUnsignedString(h));
    }

    /** FNV-1a (32 bit) of {@code data}, continuing from {@code seed}. */
    static int fnv32a(int seed, byte[] data) {
        int h = seed;
        for (byte b : data) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        return h;
    }

    /** Maps each character to the alphabet without vowels and look-alike digits, as {@code rand.SafeEncodeString}. */
    static String safeEncode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(ALPHANUMS.charAt(s.charAt(i) % ALPHANUMS.length()));
        }
        return out.toString();
    }

    /**
     * True if both templates are semantically equal apart from the {@value #POD_TEMPLATE_HASH}
     * label (missing and empty fields count as equal).
     */
    public static boolean equalIgnoringHash(PodTemplateSpec a, PodTemplateSpec b) {
        return withoutHashLabel(canonical(a)).equals(withoutHashLabel(canonical(b)));
    }

    /** The template as a canonical JSON tree: keys sorted, nulls and empty arrays/objects left out. */
    static JsonNode canonical(PodTemplateSpec template) {
        JsonNode tree = DeepCopy.serialization().convertValue(template, JsonNode.class);
        JsonNode out = prune(tree);
        return out == null ? JsonNodeFactory.instance.objectNode() : out;
    }

    private static JsonNode withoutHashLabel(JsonNode canonical) {
        JsonNode labels = canonical.path("metadata").path("labels");
        if (!labels.isObject() || !labels.has(POD_TEMPLATE_HASH)) {
            return canonical;
        }
        ObjectNode copy = (ObjectNode) canonical.deepCopy();
        ObjectNode meta = (ObjectNode) copy.get("metadata");
        ObjectNode l = (ObjectNode) meta.get("labels");
        l.remove(POD_TEMPLATE_HASH);
        if (l.isEmpty()) {
            meta.remove("labels");
            if (meta.isEmpty()) {
                copy.remove("metadata");
            }
        }
        return copy;
    }

    private static JsonNode prune(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            fields.forEachRemaining(e -> names.add(e.getKey()));
            names.sort(null);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                JsonNode child = prune(node.get(name));
                if (child != null) {
                    out.set(name, child);
                }
            }
            return out.isEmpty() ? null : out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : node) {
                JsonNode child = prune(item);
                out.add(child == null ? JsonNodeFactory.instance.objectNode() : child);
            }
            return out.isEmpty() ? null : out;
        }
        return node;
    }
}
