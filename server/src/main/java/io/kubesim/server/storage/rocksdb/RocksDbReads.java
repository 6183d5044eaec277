package io.kubesim.server.storage.rocksdb;

import io.kubesim.server.storage.CompactedException;
import io.kubesim.server.storage.ListResult;
import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.StoredObject;
import io.kubesim.server.storage.engine.BackendReads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;

/**
 * The read paths of {@link RocksDbStorage}. Multi-key reads run against a RocksDB snapshot and take
 * the revisions from the {@code meta} column family of the same snapshot; since every group writes
 * objects, log and meta in one batch, what they return is exactly the state at that revision.
 * Thread-safe; runs on the storage-reader threads.
 */
final class RocksDbReads implements BackendReads {
    private final RocksDbHandles handles;

    RocksDbReads(RocksDbHandles handles) {
        this.handles = handles;
    }

    @Override
    public Optional<StoredObject> get(String key) throws RocksDBException {
        byte[] record = handles.db.get(handles.objects, ObjectKeys.encode(key));
        return record == null ? Optional.empty() : Optional.of(ObjectRecordCodec.decode(key, record));
    }

    /** The revisions recorded in {@code meta}. */
    record Revisions(long current, long compacted) {
    }

    /** The committed revisions, read when the store is opened. */
    Revisions revisions() throws RocksDBException {
        try (ReadOptions options = new ReadOptions()) {
            return new Revisions(currentRevision(options), compactedRevision(options));
        }
    }

    @Override
    public ListResult list(String prefix, String startAfterKey, int limit) throws RocksDBException {
        byte[] prefixBytes = ObjectKeys.encode(prefix);
        byte[] start = prefixBytes;
        if (startAfterKey != null) {
            byte[] afterStart = ObjectKeys.successor(ObjectKeys.encode(startAfterKey));
            if (Arrays.compareUnsigned(afterStart, prefixBytes) > 0) {
                start = afterStart;
            }
        }
        byte[] end = ObjectKeys.prefixEnd(prefixBytes);
        Snapshot snapshot = handles.db.getSnapshot();
        try (Slice upperBound = end == null ? null : new Slice(end);
             ReadOptions options = new ReadOptions().setSnapshot(snapshot)) {
            if (upperBound != null) {
                options.setIterateUpperBound(upperBound);
            }
            long revision = currentRevision(options);
            List<StoredObject> items = new ArrayList<>();
            boolean more = false;
            try (RocksIterator iterator = handles.db.newIterator(handles.objects, options)) {
                for (iterator.seek(start); iterator.isValid(); iterator.next()) {
                    if (limit > 0 && items.size() == limit) {
                        more = true;
                        break;
                    }
                    items.add(ObjectRecordCodec.decode(ObjectKeys.decode(iterator.key()), iterator.value()));
                }
                iterator.status();
            }
            return new ListResult(List.copyOf(items), revision, more);
        } finally {
            handles.db.releaseSnapshot(snapshot);
        }
    }

    @Override
    public List<StorageEvent> eventsAfter(long after, String prefix, int limit) throws RocksDBException {
        byte[] prefixBytes = prefix == null ? null : ObjectKeys.encode(prefix);
        Snapshot snapshot = handles.db.getSnapshot();
        try (ReadOptions options = new ReadOptions().setSnapshot(snapshot)) {
            long compacted = compactedRevision(options);
            if (after < compacted) {
                throw new CompactedException(after, compacted);
            }
            List<StorageEvent> events = new ArrayList<>();
            try (RocksIterator iterator = handles.db.newIterator(handles.log, options)) {
                for (iterator.seek(RevisionKeys.encode(after + 1)); iterator.isValid(); iterator.next()) {
                    if (limit > 0 && events.size() == limit) {
                        break;
                    }
                    byte[] record = iterator.value();
                    if (prefixBytes == null || LogRecordCodec.keyStartsWith(record, prefixBytes)) {
                        events.add(LogRecordCodec.decode(RevisionKeys.decode(iterator.key()), record));
                    }
                }
                iterator.status();
            }
            return List.copyOf(events);
        } finally {
            handles.db.releaseSnapshot(snapshot);
        }
    }

    private long currentRevision(ReadOptions options) throws RocksDBException {
        return metaRevision(options, MetaKeys.currentRevision());
    }

    private long compactedRevision(ReadOptions options) throws RocksDBException {
        return metaRevision(options, MetaKeys.compactedRevision());
    }

    private long metaRevision(ReadOptions options, byte[] key) throws RocksDBException {
        byte[] value = handles.db.get(handles.meta, options, key);
        return value == null ? 0 : RevisionKeys.decode(value);
    }
}
