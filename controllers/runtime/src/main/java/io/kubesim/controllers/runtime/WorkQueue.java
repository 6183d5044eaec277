package io.kubesim.controllers.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A work queue of object keys with the semantics controllers rely on (as client-go's rate-limited
 * queue): a key waiting twice is queued once; a key being processed is never handed to a second
 * worker, and if it is added meanwhile it is queued again once the first worker is {@link #done};
 * keys can be added after a delay; {@link #addRateLimited} backs off per key exponentially until
 * {@link #forget}.
 *
 * <p>Thread-safe. {@link #take} blocks until a key is ready or the queue shuts down.
 */
public final class WorkQueue<K> {

    private final Clock clock;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<K> ready = new ArrayDeque<>();
    private final Set<K> dirty = new HashSet<>();
    private final Set<K> processing = new HashSet<>();
    private final PriorityQueue<Delayed<K>> delayed = new PriorityQueue<>();
    private final Map<K, Integer> failures = new HashMap<>();
    private long sequence;
    private boolean shutDown;

    private record Delayed<K>(long dueMillis, long seq, K key) implements Comparable<Delayed<K>> {
        @Override
        public int compareTo(Delayed<K> o) {
            int c = Long.compare(dueMillis, o.dueMillis);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    public WorkQueue() {
        this(Clock.systemUTC(), Duration.ofMillis(5), Duration.ofSeconds(30));
    }

    /** A queue whose rate-limited retries start at {@code baseDelay} and double up to {@code maxDelay}. */
    public WorkQueue(Clock clock, Duration baseDelay, Duration maxDelay) {
        this.clock = clock;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    /** Queues {@code key} unless it is already waiting. */
    public void add(K key) {
        lock.lock();
        try {
            addLocked(key);
        } finally {
            lock.unlock();
        }
    }

    private void addLocked(K key) {
        if (shutDown || !dirty.add(key)) {
            return;
        }
        if (!processing.contains(key)) {
            ready.add(key);
            changed.signal();
        }
    }

    /** Queues {@code key} once {@code delay} has passed. */
    public void addAfter(K key, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            add(key);
            return;
        }
        lock.lock();
        try {
            if (!shutDown) {
                delayed.add(new Delayed<>(clock.millis() + delay.toMillis(), sequence++, key));
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code key} after its per-key backoff (base × 2^failures, capped), and counts a failure. */
    public void addRateLimited(K key) {
        Duration delay;
        lock.lock();
        try {
            int n = failures.merge(key, 1, Integer::sum);
            long millis = baseDelay.toMillis() << Math.min(n - 1, 30);
            delay = Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
        } finally {
            lock.unlock();
        }
        addAfter(key, delay);
    }

    /** Resets the backoff of {@code key} (after a successful reconcile). */
    public void forget(K key) {
        lock.lock();
        try {
            failures.remove(key);
        } finally {
            lock.unlock();
        }
    }

    /** Failures counted for {@code key} since the last {@link #forget}. */
    public int failures(K key) {
        lock.lock();
        try {
            return failures.getOrDefault(key, 0);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next ready key, marked as processing; blocks until one is ready. Returns null once the
     * queue is shut down.
     */
    public K take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (shutDown) {
                    return null;
                }
                promoteDue();
                K key = ready.poll();
                if (key != null) {
                    dirty.remove(key);
                    processing.add(key);
                    return key;
                }
                Delayed<K> next = delayed.peek();
                if (next == null) {
                    changed.await();
                } else {
                    changed.await(Math.max(1, next.dueMillis() - clock.millis()), TimeUnit.MILLISECONDS);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void promoteDue() {
        long now = clock.millis();
        while (!delayed.isEmpty() && delayed.peek().dueMillis() <= now) {
            addLocked(delayed.poll().key());
        }
    }

    /** Marks {@code key} processed; if it was added meanwhile it becomes ready again. */
    public void done(K key) {
        lock.lock();
        try {
            processing.remove(key);
            if (dirty.contains(key)) {
                ready.add(key);
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Keys waiting (ready or dirty-while-processing), excluding delayed ones. */
    public int length() {
        lock.lock();
        try {
            return dirty.size();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every {@link #take} with null and drops new additions. */
    public void shutDown() {
        lock.lock();
        try {
            shutDown = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
