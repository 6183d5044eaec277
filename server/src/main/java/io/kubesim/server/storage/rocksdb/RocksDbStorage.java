package io.kubesim.server.storage.rocksdb;

import io.kubesim.server.storage.Storage;
import io.kubesim.server.storage.StorageException;
import io.kubesim.server.storage.engine.SequencedStorage;
import java.nio.file.Path;
import java.util.Objects;
import org.rocksdb.RocksDBException;

/**
 * The durable {@link Storage}: a RocksDB database with three column families.
 * <ul>
 *   <li>{@code objects}: UTF-8 key → {@link ObjectRecordCodec record} (createRevision, modRevision, value);</li>
 *   <li>{@code log}: {@link RevisionKeys 8-byte big-endian revision} → {@link LogRecordCodec event}
 *       (type, key, value and previous value with their revisions);</li>
 *   <li>{@code meta}: current and compacted revision.</li>
 * </ul>
 *
 * <p><b>Writes</b> are serialised on the {@code storage-writer} thread, which commits each group
 * of queued requests as one {@code WriteBatch} over all three families with {@code sync=true}:
 * a future completes only after its write is in the synced WAL, so a crash (even {@code kill -9})
 * loses nothing acknowledged, and concurrent writers share one sync. {@link #compact} runs as a
 * request on the same thread and trims the log with a range delete. <b>Reads</b> run on a pool of
 * 2–4 {@code storage-reader-N} threads; {@code list} and {@code eventsAfter} read from one
 * snapshot. See {@link SequencedStorage} for completion threads, errors and closing.
 *
 * <p>On {@link #open}, revisions continue from those recorded in {@code meta}. Only one process
 * may open a directory at a time (RocksDB holds a file lock). Thread-safe.
 */
public final class RocksDbStorage extends SequencedStorage {
    private final RocksDbHandles handles;

    private RocksDbStorage(RocksDbHandles handles, RocksDbReads reads, RocksDbReads.Revisions revisions) {
        super(new RocksDbCommitter(handles), reads, revisions.current(), revisions.compacted(), defaultReaderThreads());
        this.handles = handles;
    }

    /**
     * Opens the store in {@code dir}, creating the directory and database if missing.
     *
     * @throws StorageException if the database cannot be opened (e.g. locked by another process)
     */
    public static RocksDbStorage open(Path dir) {
        Objects.requireNonNull(dir, "dir");
        RocksDbHandles handles = RocksDbHandles.open(dir);
        try {
            RocksDbReads reads = new RocksDbReads(handles);
            return new RocksDbStorage(handles, reads, reads.revisions());
        } catch (RocksDBException | RuntimeException e) {
            handles.close();
            throw new StorageException("cannot read revisions from RocksDB storage in " + dir + ": " + e.getMessage(), e);
        }
    }


    @Override
    protected void releaseResources() {
        handles.close();
    }
}
