package io.kubesim.server.storage;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A revisioned key-value store: the single source of truth behind the API server.
 *
 * <p><b>Revisions.</b> Every mutation is assigned the next value of one global, dense, monotonic
 * revision counter, in commit order. That revision is the object's {@code resourceVersion}. The
 * first revision ever assigned is 1; an empty store is at revision 0.
 *
 * <p><b>Keys</b> follow the Kubernetes registry layout ({@code /registry/pods/default/web-1}),
 * so that an etcd implementation can stand behind the same API layer.
 *
 * <p><b>Values</b> are serialized objects (JSON bytes). Writers pass a {@link ValueEncoder} that is
 * called once with the revision the write will be committed at, so the stored bytes already carry
 * {@code metadata.resourceVersion}; every value this interface hands back carries it too.
 *
 * <p><b>Durability.</b> A returned future completes only after the write is durable (for disk
 * implementations: after the write-ahead log is synced). Concurrent writes may share one sync.
 *
 * <p><b>Events.</b> Every committed mutation is published, in revision order, to every
 * {@link StorageListener} before the write's future completes, so a reader that sees the write
 * acknowledged also finds it in anything the listener feeds (the watch cache).
 * {@link #currentRevision()} advances only as events are published, so every event at or below it
 * has reached the listeners. Reads ({@link #get}, {@link #list}, {@link #eventsAfter}) see a group
 * as soon as it is committed, which can be shortly before its events are published: their
 * revisions may briefly be above {@link #currentRevision()}.
 *
 * <p><b>Threads.</b> Implementations are thread-safe. Futures complete on an implementation-owned
 * thread; callers must hop back to their own context and must never block in a callback.
 * Failures are reported through the future as {@link StorageException} subclasses.
 */
public interface Storage extends AutoCloseable {

    /** The current value at {@code key}, or empty. */
    CompletableFuture<Optional<StoredObject>> get(String key);

    /**
     * All values whose key starts with {@code prefix}, in key order, read at one consistent revision.
     *
     * @param startAfterKey exclusive lower bound (null: from the start of the prefix)
     * @param limit         maximum number of items (0: no limit)
     */
    CompletableFuture<ListResult> list(String prefix, String startAfterKey, int limit);

    /**
     * Creates {@code key}; fails with {@link KeyExistsException} if it exists. A failed write
     * (of any kind) consumes no revision.
     */
    CompletableFuture<WriteResult> create(String key, ValueEncoder value);

    /**
     * Replaces {@code key} if its current modification revision equals {@code expectedModRevision};
     * fails with {@link KeyNotFoundException} if absent, {@link RevisionMismatchException} otherwise.
     */
    CompletableFuture<WriteResult> update(String key, long expectedModRevision, ValueEncoder value);

    /**
     * Deletes {@code key} if its current modification revision equals {@code expectedModRevision}
     * (or unconditionally when it is {@code 0}); same failures as {@link #update}. The result's
     * {@code previous} is the deleted value.
     */
    CompletableFuture<WriteResult> delete(String key, long expectedModRevision);

    /** The revision of the last committed write (0 for an empty store). */
    long currentRevision();

    /** Events at or below this revision may no longer be available from {@link #eventsAfter}. */
    long compactedRevision();

    /**
     * Up to {@code limit} events (0: no limit) with a revision greater than {@code revision}, in
     * revision order, optionally restricted to keys under {@code prefix} (null: all keys). Fails with
     * {@link CompactedException} if {@code revision < compactedRevision()}.
     */
    CompletableFuture<List<StorageEvent>> eventsAfter(long revision, String prefix, int limit);

    /**
     * Discards event history at or below {@code revision} (never the current objects). Ordered with
     * the writes. A revision at or below {@link #compactedRevision()} is a no-op; one above
     * {@link #currentRevision()} fails with {@link StorageException}.
     */
    CompletableFuture<Void> compact(long revision);

    /**
     * Registers a listener for every mutation committed after this call. See the class comment for
     * ordering; listeners run on the committing thread and must be quick and never block.
     */
    void addListener(StorageListener listener);

    /**
     * Releases resources; pending writes fail or complete, new calls fail with
     * {@code StorageException("storage closed")}. Idempotent. Must not be called from a storage
     * callback or listener (it waits for the storage threads to stop).
     */
    @Override
    void close();
}
