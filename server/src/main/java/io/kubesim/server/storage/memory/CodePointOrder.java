package io.kubesim.server.storage.memory;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, which is the order of their UTF-8 bytes: the order a
 * byte-wise store such as RocksDB or etcd lists keys in. {@link String#compareTo} differs for
 * characters above U+FFFF, which it sorts below U+E000..U+FFFF. Thread-safe (stateless).
 */
final class CodePointOrder implements Comparator<String> {

    @Override
    public int compare(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Integer.compare(rank(x), rank(y));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * Moves surrogates (D800..DFFF) above E000..FFFF. At the first differing UTF-16 unit this gives
     * code point order, because a lead surrogate only ever meets another lead surrogate or a BMP
     * character there.
     */
    private static int rank(char c) {
        if (c >= 0xE000) {
            return c - 0x800;
        }
        return c >= 0xD800 ? c + 0x2000 : c;
    }
}
