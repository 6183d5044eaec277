package io.kubesim.server.storage;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.kubesim.server.metrics.ApiMetrics;
import io.micrometer.core.instrument.Timer;

/**
 * A {@link Storage} that times every operation into {@code storage_operation_duration_seconds{op}}:
 * from the call until its future completes, which for a write is the durable acknowledgement (so
 * the commit latency, group-commit waits included). Failed operations are timed too. Ops are
 * {@code get}, {@code list}, {@code create}, {@code update}, {@code delete}, {@code events} and
 * {@code compact}. Everything else is passed through unchanged; the futures handed back are the
 * delegate's own, so completion threads and ordering are exactly the delegate's.
 *
 * <p>Thread-safe when the delegate is (as every {@link Storage} must be).
 */
public final class MeteredStorage implements Storage {

    private final Storage delegate;
    private final Timer get;
    private final Timer list;
    private final Timer create;
    private final Timer update;
    private final Timer delete;
    private final Timer events;
    private final Timer compact;

    public MeteredStorage(Storage delegate, ApiMetrics metrics) {
        this.delegate = delegate;
        this.get = metrics.storageTimer("get");
        this.list = metrics.storageTimer("list");
        this.create = metrics.storageTimer("create");
        this.update = metrics.storageTimer("update");
        this.delete = metrics.storageTimer("delete");
        this.events = metrics.storageTimer("events");
        this.compact = metrics.storageTimer("compact");
    }

    private static <T> CompletableFuture<T> timed(Timer timer, Supplier<CompletableFuture<T>> operation) {
        long start = System.nanoTime();
        CompletableFuture<T> result = operation.get();
        result.whenComplete((value, failure) -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        return result;
    }

    @Override
    public CompletableFuture<Optional<StoredObject>> get(String key) {
        return timed(get, () -> delegate.get(key));
    }

    @Override
    public CompletableFuture<ListResult> list(String prefix, String startAfterKey, int limit) {
        return timed(list, () -> delegate.list(prefix, startAfterKey, limit));
    }

    @Override
    public CompletableFuture<WriteResult> create(String key, ValueEncoder value) {
        return timed(create, () -> delegate.create(key, value));
    }

    @Override
    public CompletableFuture<WriteResult> update(String key, long expectedModRevision, ValueEncoder value) {
        return timed(update, () -> delegate.update(key, expectedModRevision, value));
    }

    @Override
    public CompletableFuture<WriteResult> delete(String key, long expectedModRevision) {
        return timed(delete, () -> delegate.delete(key, expectedModRevision));
    }

    @Override
    public long currentRevision() {
        return delegate.currentRevision();
    }

    @Override
    public long compactedRevision() {
        return delegate.compactedRevision();
    }

    @Override
    public CompletableFuture<List<StorageEvent>> eventsAfter(long revision, String prefix, int limit) {
        return timed(events, () -> delegate.eventsAfter(revision, prefix, limit));
    }

    @Override
    public CompletableFuture<Void> compact(long revision) {
        return timed(compact, () -> delegate.compact(revision));
    }

    @Override
    public void addListener(StorageListener listener) {
        delegate.addListener(listener);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
