package io.kubesim.controllers.daemonset;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The {@code controller-revision-hash} of a DaemonSet's pod template, shaped like upstream's:
 * FNV-32a over the template (plus the collision count when set), printed in decimal and
 * "safe-encoded" into the alphabet {@code bcdfghjklmnpqrstvwxz2456789}. Upstream hashes Go's
 * printed struct; we hash the template's canonical JSON (sorted keys), so the values differ from
 * a real cluster's but are stable, short and change exactly when the template does.
 * Thread-safe.
 */
public final class TemplateHash {

    private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private final KubernetesSerialization serialization;

    public TemplateHash(KubernetesSerialization serialization) {
        this.serialization = serialization;
    }

    public String of(PodTemplateSpec template, Integer collisionCount) {
        StringBuilder canonical = new StringBuilder();
        write(serialization.convertValue(template, Object.class), canonical);
        int hash = fnv32a(FNV_OFFSET, canonical.toString().getBytes(StandardCharsets.UTF_8));
        if (collisionCount != null) {
            int c = collisionCount;
            hash = fnv32a(hash, new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24)});
        }
        return safeEncode(Integer.toUnsignedString(hash));
    }

    static int fnv32a(int seed, byte[] data) {
        int h = seed;
        for (byte b : data) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** Upstream's rand.SafeEncodeString: every character mapped into a vowel-free alphabet. */
    static String safeEncode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(ALPHANUMS.charAt(s.charAt(i) % ALPHANUMS.length()));
        }
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            new TreeMap<>(map).forEach((k, v) -> {
                quote(String.valueOf(k), out);
                out.append(':');
                write(v, out);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(v -> {
                write(v, out);
                out.append(',');
            });
            out.append(']');
        } else if (value instanceof String s) {
            quote(s, out);
        } else {
            out.append(value);
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
}
