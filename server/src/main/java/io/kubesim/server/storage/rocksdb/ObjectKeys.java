package io.kubesim.server.storage.rocksdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Storage keys as UTF-8 bytes, and the byte bounds for prefix scans. UTF-8 byte order equals code
 * point order, and a string prefix is exactly a byte prefix of the encoding. Stateless.
 */
final class ObjectKeys {

    private ObjectKeys() {
    }

    static byte[] encode(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    static String decode(byte[] key) {
        return new String(key, StandardCharsets.UTF_8);
    }

    /**
     * The smallest key greater than every key starting with {@code prefix}, or null when there is
     * none (empty prefix, or only 0xFF bytes).
     */
    static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return null;
    }

    /** The smallest key greater than {@code key}. */
    static byte[] successor(byte[] key) {
        return Arrays.copyOf(key, key.length + 1);
    }
}
