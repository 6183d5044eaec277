package io.kubesim.server.storage.rocksdb;

import io.kubesim.server.storage.StorageException;
import java.nio.ByteBuffer;

/**
 * Revisions as 8-byte big-endian keys, so that RocksDB's byte-wise key order is revision order
 * (revisions are never negative). Also the encoding of the revision values in the {@code meta}
 * column family. Stateless.
 */
final class RevisionKeys {
    static final int LENGTH = Long.BYTES;

    private RevisionKeys() {
    }

    static byte[] encode(long revision) {
        return ByteBuffer.allocate(LENGTH).putLong(revision).array();
    }

    static long decode(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new StorageException("corrupt revision: " + bytes.length + " bytes instead of " + LENGTH);
        }
        return ByteBuffer.wrap(bytes).getLong();
    }
}
