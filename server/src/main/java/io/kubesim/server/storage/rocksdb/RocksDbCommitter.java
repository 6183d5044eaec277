package io.kubesim.server.storage.rocksdb;

import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.StorageException;
import io.kubesim.server.storage.StoredObject;
import io.kubesim.server.storage.engine.CommitBackend;
import io.kubesim.server.storage.engine.CommitGroup;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Writes commit groups to RocksDB: one {@link WriteBatch} per group covering {@code objects},
 * {@code log} and {@code meta}, written with {@code sync=true}, so a group is atomic and durable
 * when {@link #commit} returns. Called only on the storage-writer thread (see {@link CommitBackend}).
 */
final class RocksDbCommitter implements CommitBackend {
    private final RocksDbHandles handles;

    RocksDbCommitter(RocksDbHandles handles) {
        this.handles = handles;
    }

    @Override
    public StoredObject load(String key) {
        try {
            byte[] record = handles.db.get(handles.objects, ObjectKeys.encode(key));
            return record == null ? null : ObjectRecordCodec.decode(key, record);
        } catch (RocksDBException e) {
            throw new StorageException("reading " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void commit(CommitGroup group) {
        try (WriteBatch batch = new WriteBatch()) {
            for (StorageEvent event : group.events()) {
                byte[] key = ObjectKeys.encode(event.key());
                if (event.value() == null) {
                    batch.delete(handles.objects, key);
                } else {
                    batch.put(handles.objects, key, ObjectRecordCodec.encode(event.value()));
                }
                batch.put(handles.log, RevisionKeys.encode(event.revision()), LogRecordCodec.encode(event));
            }
            batch.put(handles.meta, MetaKeys.currentRevision(), RevisionKeys.encode(group.revision()));
            if (group.compacts()) {
                // A range tombstone: cheap to write however many entries it covers. Batch order
                // matters: it also covers log entries put earlier in this batch, as it should.
                batch.deleteRange(handles.log, RevisionKeys.encode(0), RevisionKeys.encode(group.compactedRevision() + 1));
                batch.put(handles.meta, MetaKeys.compactedRevision(), RevisionKeys.encode(group.compactedRevision()));
            }
            handles.db.write(handles.syncWrites, batch);
        } catch (RocksDBException e) {
            throw new StorageException("RocksDB write failed: " + e.getMessage(), e);
        }
    }
}
