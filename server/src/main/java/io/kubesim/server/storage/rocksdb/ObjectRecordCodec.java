package io.kubesim.server.storage.rocksdb;

import io.kubesim.server.storage.StorageException;
import io.kubesim.server.storage.StoredObject;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Values of the {@code objects} column family. The key is the RocksDB key itself, so a record is
 * {@code [format 1][createRevision 8][modRevision 8][value bytes ...]}. The leading format byte
 * lets a later layout coexist with this one. Stateless.
 */
final class ObjectRecordCodec {
    private static final byte FORMAT = 1;
    private static final int HEADER = 1 + 2 * Long.BYTES;

    private ObjectRecordCodec() {
    }

    static byte[] encode(StoredObject object) {
        return ByteBuffer.allocate(HEADER + object.value().length)
                .put(FORMAT)
                .putLong(object.createRevision())
                .putLong(object.modRevision())
                .put(object.value())
                .array();
    }

    static StoredObject decode(String key, byte[] record) {
        if (record.length < HEADER || record[0] != FORMAT) {
            throw new StorageException("corrupt object record for " + key);
        }
        ByteBuffer buffer = ByteBuffer.wrap(record, 1, HEADER - 1);
        long createRevision = buffer.getLong();
        long modRevision = buffer.getLong();
        return new StoredObject(key, Arrays.copyOfRange(record, HEADER, record.length), createRevision, modRevision);
    }
}
