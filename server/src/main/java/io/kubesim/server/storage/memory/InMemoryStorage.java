package io.kubesim.server.storage.memory;

import io.kubesim.server.storage.ListResult;
import io.kubesim.server.storage.Storage;
import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.StoredObject;
import io.kubesim.server.storage.engine.SequencedStorage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
        super(state, 0, 0, defaultReaderThreads());
        this.state = state;
    }

    @Override
    public CompletableFuture<Optional<StoredObject>> get(String key) {
        requireKey(key);
        return read(() -> state.get(key));
    }

    @Override
    public CompletableFuture<ListResult> list(String prefix, String startAfterKey, int limit) {
        Objects.requireNonNull(prefix, "prefix");
        requireNonNegative("limit", limit);
        return read(() -> state.list(prefix, startAfterKey, limit));
    }

    @Override
    public CompletableFuture<List<StorageEvent>> eventsAfter(long revision, String prefix, int limit) {
        requireNonNegative("revision", revision);
        requireNonNegative("limit", limit);
        return read(() -> state.eventsAfter(revision, prefix, limit));
    }

    @Override
    protected void releaseResources() {
        // Nothing native to release; the state becomes garbage with this instance.
    }
}
