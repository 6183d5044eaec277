package io.kubesim.server.storage.rocksdb;

import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.StorageException;
import io.kubesim.server.storage.StoredObject;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Values of the {@code log} column family (the key is the event's {@link RevisionKeys revision}):
 * <pre>
 * [format 1][type 1][key length 4][key UTF-8]
 * [value present 1]([createRevision 8][modRevision 8][length 4][bytes])?     after the write
 * [previous present 1]([createRevision 8][modRevision 8][length 4][bytes])?  before the write
 * </pre>
 * Both objects are kept whole so that watch history rebuilt from the log can filter on old and
 * new state. Type codes are fixed here, never enum ordinals. Stateless.
 */
final class LogRecordCodec {
    private static final byte FORMAT = 1;
    private static final int KEY_OFFSET = 1 + 1 + Integer.BYTES;

    private LogRecordCodec() {
    }

    static byte[] encode(StorageEvent event) {
        byte[] key = ObjectKeys.encode(event.key());
        ByteBuffer buffer = ByteBuffer.allocate(KEY_OFFSET + key.length + size(event.value()) + size(event.previous()))
                .put(FORMAT)
                .put(typeCode(event.type()))
                .putInt(key.length)
                .put(key);
        putObject(buffer, event.value());
        putObject(buffer, event.previous());
        return buffer.array();
    }

    static StorageEvent decode(long revision, byte[] record) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(record);
            if (buffer.get() != FORMAT) {
                throw new StorageException("corrupt log record at revision " + revision + ": unknown format");
            }
            StorageEvent.Type type = type(buffer.get(), revision);
            byte[] keyBytes = new byte[buffer.getInt()];
            buffer.get(keyBytes);
            String key = ObjectKeys.decode(keyBytes);
            StoredObject value = getObject(buffer, key);
            StoredObject previous = getObject(buffer, key);
            return new StorageEvent(type, key, revision, value, previous);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new StorageException("corrupt log record at revision " + revision, e);
        }
    }

    /** Whether the record's key starts with {@code prefix}, without decoding the record. */
    static boolean keyStartsWith(byte[] record, byte[] prefix) {
        if (record.length < KEY_OFFSET) {
            return false;
        }
        int keyLength = ByteBuffer.wrap(record, 2, Integer.BYTES).getInt();
        if (keyLength < prefix.length || record.length < KEY_OFFSET + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (record[KEY_OFFSET + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int size(StoredObject object) {
        return 1 + (object == null ? 0 : 2 * Long.BYTES + Integer.BYTES + object.value().length);
    }

    private static void putObject(ByteBuffer buffer, StoredObject object) {
        if (object == null) {
            buffer.put((byte) 0);
            return;
        }
        buffer.put((byte) 1)
                .putLong(object.createRevision())
                .putLong(object.modRevision())
                .putInt(object.value().length)
                .put(object.value());
    }

    private static StoredObject getObject(ByteBuffer buffer, String key) {
        if (buffer.get() == 0) {
            return null;
        }
        long createRevision = buffer.getLong();
        long modRevision = buffer.getLong();
        byte[] value = new byte[buffer.getInt()];
        buffer.get(value);
        return new StoredObject(key, value, createRevision, modRevision);
    }

    private static byte typeCode(StorageEvent.Type type) {
        return switch (type) {
            case CREATE -> 1;
            case UPDATE -> 2;
            case DELETE -> 3;
        };
    }

    private static StorageEvent.Type type(byte code, long revision) {
        return switch (code) {
            case 1 -> StorageEvent.Type.CREATE;
            case 2 -> StorageEvent.Type.UPDATE;
            case 3 -> StorageEvent.Type.DELETE;
            default -> throw new StorageException("corrupt log record at revision " + revision + ": type " + code);
        };
    }
}
