package io.kubesim.server.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.kubesim.server.storage.ValueEncoder;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serializes an object once, off the storage writer thread, with a placeholder where
 * {@code metadata.resourceVersion} goes; the writer then only splices in the revision it assigns.
 * This keeps serialization cost out of the single ordered commit thread. Immutable.
 */
public final class RevisionTemplate implements ValueEncoder {

    private static final String MARKER = "kubesim-resource-version-placeholder";
    private static final byte[] NEEDLE = ("\"resourceVersion\":\"" + MARKER + "\"").getBytes(StandardCharsets.UTF_8);
    private static final int VALUE_OFFSET = "\"resourceVersion\":\"".length();

    private final byte[] json;
    private final int markerStart;

    private RevisionTemplate(byte[] json, int markerStart) {
        this.json = json;
        this.markerStart = markerStart;
    }

    /**
     * Serializes {@code object} with the placeholder. Sets {@code metadata.resourceVersion} on the
     * tree (the tree is modified); the placeholder is found as the first occurrence, which is the
     * metadata field because {@link ObjectMetaOrder} puts it before any user-controlled text.
     */
    public static RevisionTemplate of(ObjectNode object) {
        ObjectNode meta = Json.child(object, "metadata");
        meta.put("resourceVersion", MARKER);
        ObjectMetaOrder.canonicalize(object);
        byte[] json = Json.bytes(object);
        int at = indexOf(json, NEEDLE);
        if (at < 0) {
            throw new IllegalStateException("resourceVersion placeholder not found");
        }
        return new RevisionTemplate(json, at + VALUE_OFFSET);
    }

    @Override
    public byte[] encode(long revision) {
        byte[] rv = Long.toString(revision).getBytes(StandardCharsets.US_ASCII);
        int tail = markerStart + MARKER.length();
        byte[] out = new byte[json.length - MARKER.length() + rv.length];
        System.arraycopy(json, 0, out, 0, markerStart);
        System.arraycopy(rv, 0, out, markerStart, rv.length);
        System.arraycopy(json, tail, out, markerStart + rv.length, json.length - tail);
        return out;
    }

    /** The bytes without any revision (for dry runs): {@code resourceVersion} is left empty. */
    public byte[] withoutRevision() {
        int tail = markerStart + MARKER.length();
        byte[] out = Arrays.copyOf(json, json.length - MARKER.length());
        System.arraycopy(json, tail, out, markerStart, json.length - tail);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
