package io.kubesim.server.storage.engine;

import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.StorageException;
import io.kubesim.server.storage.StorageListener;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single {@code storage-writer} thread: it alone assigns revisions and mutates the backend, so
 * commit order equals revision order and revisions are dense.
 *
 * <p>It drains the request queue and commits what it finds as one group (at most
 * {@value #MAX_GROUP_REQUESTS} requests or about {@value #MAX_GROUP_BYTES} bytes), so concurrent
 * writers share one durable write. Once the backend reports the group durable, the writer
 * publishes each event to every listener in revision order, then advances
 * {@link #currentRevision()}, and finally completes the requests' futures in request order, all on
 * the writer thread. Hence a listener has seen a write before its caller learns about it, and
 * every event at or below {@link #currentRevision()} has been published.
 *
 * <p>Thread-safe: {@link #submit}, {@link #addListener} and the revision getters may be called
 * from any thread. {@link #close} must not be called from the writer thread itself.
 */
final class WriteSequencer {
    static final int MAX_GROUP_REQUESTS = 512;
    static final long MAX_GROUP_BYTES = 4L << 20;

    private static final Logger log = LoggerFactory.getLogger(WriteSequencer.class);

    private final CommitBackend backend;
    private final BlockingQueue<PendingWrite> queue = new LinkedBlockingQueue<>();
    private final List<StorageListener> listeners = new CopyOnWriteArrayList<>();
    private final WriterWakeup wakeup = new WriterWakeup();
    private final Thread thread;
    private volatile boolean closed;
    private volatile long currentRevision;
    private volatile long compactedRevision;

    WriteSequencer(CommitBackend backend, long currentRevision, long compactedRevision) {
        this.backend = backend;
        this.currentRevision = currentRevision;
        this.compactedRevision = compactedRevision;
        this.thread = new Thread(this::run, "storage-writer");
        // Daemon: an unclosed store must not keep the JVM alive; acknowledged writes are durable.
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long currentRevision() {
        return currentRevision;
    }

    long compactedRevision() {
        return compactedRevision;
    }

    void addListener(StorageListener listener) {
        listeners.add(listener);
    }

    boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    /** Enqueues {@code write}, or fails it at once if the sequencer is closed. */
    void submit(PendingWrite write) {
        if (closed) {
            write.fail(closedException());
            return;
        }
        queue.add(write);
        // close() sets the flag before it drains the queue, so a request that raced with it is
        // either drained and failed there or removed and failed here; never stranded.
        if (closed && queue.remove(write)) {
            write.fail(closedException());
        }
    }

    /**
     * Stops accepting writes, lets the group in progress finish, fails everything still queued
     * with "storage closed" and waits up to {@code timeout} for the writer to exit.
     *
     * @return whether the writer thread has exited (only then may the backend be released)
     */
    boolean close(Duration timeout) {
        closed = true;
        queue.add(wakeup);
        boolean stopped;
        try {
            thread.join(timeout.toMillis());
            stopped = !thread.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        List<PendingWrite> stranded = new ArrayList<>();
        queue.drainTo(stranded);
        failClosed(stranded);
        return stopped;
    }

    private void run() {
        ArrayDeque<PendingWrite> backlog = new ArrayDeque<>();
        while (true) {
            if (backlog.isEmpty()) {
                backlog.add(take());
            }
            queue.drainTo(backlog, Math.max(0, MAX_GROUP_REQUESTS - backlog.size()));
            if (closed) {
                break;
            }
            commitGroup(backlog);
        }
        failClosed(backlog);
    }

    private PendingWrite take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only close() stops the writer (through the wake-up marker); a stray interrupt
                // must not abandon queued requests.
                log.warn("storage-writer interrupted; ignoring");
            }
        }
    }

    private void commitGroup(ArrayDeque<PendingWrite> backlog) {
        GroupAssembler group = new GroupAssembler(backend, currentRevision, compactedRevision);
        try {
            while (!backlog.isEmpty() && group.size() < MAX_GROUP_REQUESTS && group.bytes() < MAX_GROUP_BYTES) {
                group.add(backlog.poll());
            }
            if (group.hasChanges()) {
                backend.commit(group.toCommitGroup());
            }
        } catch (Throwable e) {
            // Nothing of this group is committed (backend commits are all-or-nothing), so every
            // member fails and the revision counter stays where it was.
            log.error("storage commit failed: requests={} error={}", group.size(), e.toString(), e);
            group.failAll(e instanceof StorageException ? e : new StorageException("storage commit failed", e));
            return;
        }
        try {
            for (StorageEvent event : group.events()) {
                publish(event);
                currentRevision = event.revision();
            }
            compactedRevision = group.compactedRevision();
            group.settle();
        } catch (Throwable e) {
            // Only an Error can get here (listener exceptions are contained in publish); keep the
            // writer alive and unblock the callers, although the group is committed.
            log.error("storage-writer failed after commit: revision={} error={}", group.revision(), e.toString(), e);
            currentRevision = group.revision();
            compactedRevision = group.compactedRevision();
            group.failAll(new StorageException("storage-writer failed after commit at revision " + group.revision(), e));
        }
    }

    private void publish(StorageEvent event) {
        for (StorageListener listener : listeners) {
            try {
                listener.onCommitted(event);
            } catch (RuntimeException e) {
                log.error("storage listener failed: listener={} revision={} key={}",
                        listener, event.revision(), event.key(), e);
            }
        }
    }

    private static void failClosed(Collection<PendingWrite> writes) {
        StorageException closedException = closedException();
        writes.forEach(write -> write.fail(closedException));
        writes.clear();
    }

    private static StorageException closedException() {
        return new StorageException("storage closed");
    }
}
