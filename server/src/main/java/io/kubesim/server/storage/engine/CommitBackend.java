package io.kubesim.server.storage.engine;

import io.kubesim.server.storage.StoredObject;

/**
 * The persistence side of a {@link SequencedStorage}: what the single writer thread reads to check
 * preconditions and where it commits groups.
 *
 * <p><b>Threads.</b> Both methods are called only on the {@code storage-writer} thread, which is
 * also the only thread that mutates the backend, so {@link #load} may read the latest state
 * without any snapshot. Implementations must still make committed state safely visible to their
 * own read paths (which run on reader threads).
 */
public interface CommitBackend {

    /** The committed value at {@code key}, or null. */
    StoredObject load(String key);

    /**
     * Applies the whole group atomically and durably (all or nothing) and returns only when a
     * crash can no longer lose it. Throws a {@link io.kubesim.server.storage.StorageException} if
     * nothing was committed.
     */
    void commit(CommitGroup group);
}
