package io.kubesim.server.storage.memory;

import io.kubesim.server.storage.Storage;
import io.kubesim.server.storage.engine.SequencedStorage;

/**
 * A {@link Storage} held entirely in memory, for tests and {@code --storage=memory}. It has exactly
 * the semantics of the RocksDB store (same writer thread, group commit, listener ordering, error
 * behaviour; see {@link SequencedStorage}) except durability: everything is lost on close.
 *
 * <p>Keys are ordered by code point, i.e. like their UTF-8 bytes in a byte-wise store. Event
 * history grows until {@link #compact} trims it. Thread-safe. Each instance owns a
 * {@code storage-writer} thread and a {@code storage-reader-N} pool until {@link #close()}.
 */
public final class InMemoryStorage extends SequencedStorage {
    private final InMemoryState state;

    /** An empty store at revision 0. */
    public InMemoryStorage() {
        this(new InMemoryState());
    }

    private InMemoryStorage(InMemoryState state) {
        super(state, state, 0, 0, defaultReaderThreads());
        this.state = state;
    }


    @Override
    protected void releaseResources() {
        // Nothing native to release; the state becomes garbage with this instance.
    }
}
