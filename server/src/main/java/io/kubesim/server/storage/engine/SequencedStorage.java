package io.kubesim.server.storage.engine;

import io.kubesim.server.storage.ListResult;
import io.kubesim.server.storage.Storage;
import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.StorageException;
import io.kubesim.server.storage.StorageListener;
import io.kubesim.server.storage.StoredObject;
import io.kubesim.server.storage.ValueEncoder;
import io.kubesim.server.storage.WriteResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of {@link Storage} that every local implementation shares: writes go through one
 * {@code storage-writer} thread ({@link WriteSequencer}) that commits them in groups to a
 * {@link CommitBackend}; reads run on a small {@code storage-reader-N} pool.
 *
 * <p><b>Threads and completion.</b> Write futures complete on {@code storage-writer}, in revision
 * order, after the listeners have seen the events; read futures complete on a
 * {@code storage-reader} thread. Dependent stages attached without an executor run on those
 * threads, so callers must hop to their own context and must never block there (blocking on
 * another write from a write callback deadlocks the writer).
 *
 * <p><b>Errors.</b> Null keys, encoders or prefixes and negative revisions or limits are
 * programming errors and throw at the call; everything else fails the returned future with a
 * {@link StorageException} subclass.
 *
 * <p><b>Closing.</b> {@link #close()} makes every new call fail with {@code StorageException("storage
 * closed")}, lets the write group in progress finish, fails queued writes and reads the same way,
 * waits for the storage threads to stop and only then calls {@link #releaseResources()}. Called
 * on a storage thread (from a callback or listener) it throws {@link IllegalStateException}.
 * Repeated calls are no-ops.
 */
public abstract class SequencedStorage implements Storage {
    private static final Logger log = LoggerFactory.getLogger(SequencedStorage.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final BackendReads reads;
    private final WriteSequencer writer;
    private final StorageThreads readerFactory;
    private final ExecutorService readers;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A read executed on a reader thread; may throw backend-specific checked exceptions. */
    @FunctionalInterface
    protected interface ReadTask<T> {
        T run() throws Exception;
    }

    /**
     * Starts the writer and reader threads.
     *
     * @param reads             the backend's reads of its committed state
     * @param currentRevision   the last committed revision found in the backend
     * @param compactedRevision the compacted revision found in the backend
     * @param readerThreads     size of the reader pool
     */
    protected SequencedStorage(CommitBackend backend, BackendReads reads, long currentRevision, long compactedRevision,
                               int readerThreads) {
        this.reads = reads;
        this.writer = new WriteSequencer(backend, currentRevision, compactedRevision);
        this.readerFactory = new StorageThreads("storage-reader");
        this.readers = Executors.newFixedThreadPool(readerThreads, readerFactory);
        writer.start();
    }

    @Override
    public final CompletableFuture<WriteResult> create(String key, ValueEncoder value) {
        return mutate(StorageEvent.Type.CREATE, key, 0, Objects.requireNonNull(value, "value"));
    }

    @Override
    public final CompletableFuture<WriteResult> update(String key, long expectedModRevision, ValueEncoder value) {
        return mutate(StorageEvent.Type.UPDATE, key, expectedModRevision, Objects.requireNonNull(value, "value"));
    }

    @Override
    public final CompletableFuture<WriteResult> delete(String key, long expectedModRevision) {
        if (expectedModRevision < 0) {
            throw new IllegalArgumentException("expectedModRevision must be >= 0: " + expectedModRevision);
        }
        return mutate(StorageEvent.Type.DELETE, key, expectedModRevision, null);
    }

    @Override
    public final CompletableFuture<Void> compact(long revision) {
        requireNonNegative("revision", revision);
        CompletableFuture<Void> future = new CompletableFuture<>();
        writer.submit(new CompactionRequest(revision, future));
        return future;
    }

    @Override
    public final long currentRevision() {
        return writer.currentRevision();
    }

    @Override
    public final long compactedRevision() {
        return writer.compactedRevision();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The listener receives every event whose publication starts after this call, which includes
     * every mutation committed after it; it may also receive a few committed just before. A
     * consumer that combines a listener with {@link #eventsAfter} must therefore register first,
     * read second, and drop duplicates by revision.
     */
    @Override
    public final void addListener(StorageListener listener) {
        writer.addListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public final void close() {
        if (writer.isWriterThread() || readerFactory.ownsCurrentThread()) {
            // It would wait for its own thread to stop.
            throw new IllegalStateException("close() must not be called on a storage thread");
        }
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean writerStopped = writer.close(CLOSE_TIMEOUT);
        readers.shutdown();
        boolean readersStopped = awaitReaders();
        if (writerStopped && readersStopped) {
            releaseResources();
        } else {
            // Releasing native handles under a running thread would crash the JVM; leaking them is
            // the lesser evil.
            log.error("storage threads did not stop within {}; resources left open: writerStopped={} readersStopped={}",
                    CLOSE_TIMEOUT, writerStopped, readersStopped);
        }
    }

    @Override
    public final CompletableFuture<Optional<StoredObject>> get(String key) {
        requireKey(key);
        return read(() -> reads.get(key));
    }

    @Override
    public final CompletableFuture<ListResult> list(String prefix, String startAfterKey, int limit) {
        Objects.requireNonNull(prefix, "prefix");
        requireNonNegative("limit", limit);
        return read(() -> reads.list(prefix, startAfterKey, limit));
    }

    @Override
    public final CompletableFuture<List<StorageEvent>> eventsAfter(long revision, String prefix, int limit) {
        requireNonNegative("revision", revision);
        requireNonNegative("limit", limit);
        return read(() -> reads.eventsAfter(revision, prefix, limit));
    }

    /** A reader pool size suited to this machine: between 2 and 4 threads. */
    protected static int defaultReaderThreads() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Releases the backend; called once, after the writer and reader threads have stopped. */
    protected abstract void releaseResources();

    /** Runs {@code task} on the reader pool, failing with "storage closed" once closing has begun. */
    protected final <T> CompletableFuture<T> read(ReadTask<T> task) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closed.get()) {
            future.completeExceptionally(closedException());
            return future;
        }
        try {
            readers.execute(() -> runRead(task, future));
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(closedException());
        }
        return future;
    }

    /** Checks a key argument: non-null and non-empty. */
    protected static String requireKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        return key;
    }

    protected static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0: " + value);
        }
    }

    private CompletableFuture<WriteResult> mutate(StorageEvent.Type type, String key, long expected, ValueEncoder value) {
        requireKey(key);
        CompletableFuture<WriteResult> future = new CompletableFuture<>();
        writer.submit(new MutationRequest(type, key, expected, value, future));
        return future;
    }

    private <T> void runRead(ReadTask<T> task, CompletableFuture<T> future) {
        if (closed.get()) {
            future.completeExceptionally(closedException());
            return;
        }
        try {
            future.complete(task.run());
        } catch (StorageException e) {
            future.completeExceptionally(e);
        } catch (Exception e) {
            future.completeExceptionally(new StorageException("storage read failed: " + e.getMessage(), e));
        }
    }

    private boolean awaitReaders() {
        try {
            return readers.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static StorageException closedException() {
        return new StorageException("storage closed");
    }
}
