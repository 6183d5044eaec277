package io.kubesim.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Profile;

/**
 * The pods waiting to be scheduled, in kube-scheduler's three parts: the <em>active</em> queue (a heap ordered by
 * priority, then by the time the pod entered the queue), the <em>backoff</em> queue (pods that failed recently and
 * wait {@code initialBackoff × 2^(attempts-1)}, at most {@code maxBackoff}), and the <em>unschedulable</em> pool
 * (pods no node fits, parked until a {@link ClusterEvent} that may help one of the plugins that rejected them, or
 * for at most five minutes). A pod handed out by {@link #pop} is in flight until {@link #done} or {@link #requeue}.
 * An event that arrives while a pod is in flight and may help it sends the pod to backoff instead of the pool, so
 * the change is not missed.
 *
 * <p>Thread-safe: informer threads add, update, delete and report events; the scheduling thread pops; binding
 * callbacks finish pods. Heaps use versioned tickets, so moves and deletions never search a heap.
 */
public final class SchedulingQueue implements AutoCloseable {

    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);
    static final Duration MAX_TIME_UNSCHEDULABLE = Duration.ofMinutes(5);
    private static final long LEFTOVER_CHECK_MILLIS = 30_000;

    private enum Where { ACTIVE, BACKOFF, UNSCHEDULABLE, IN_FLIGHT, GONE }

    private static final class Entry {
        PodInfo pod;
        Where where = Where.GONE;
        long version;
        long timestamp;
        int attempts;
        long lastFailure;
        long cycle;
        long unschedulableSince;
        Set<String> rejectors = Set.of();

        Entry(PodInfo pod, long timestamp) {
            this.pod = pod;
            this.timestamp = timestamp;
        }
    }

    /** A heap node; stale once its entry has moved on (another version). */
    private record Ticket(Entry entry, long version, int priority, long timestamp, long due, long seq) {
        boolean valid(Where where) {
            return entry.version == version && entry.where == where;
        }
    }

    private final Profile profile;
    private final Clock clock;
    private final long initialBackoffMillis;
    private final long maxBackoffMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Entry> entries = new HashMap<>();
    private final PriorityQueue<Ticket> active = new PriorityQueue<>(Comparator
            .comparingInt(Ticket::priority).reversed()
            .thenComparingLong(Ticket::timestamp)
            .thenComparingLong(Ticket::seq));
    private final PriorityQueue<Ticket> backoff = new PriorityQueue<>(Comparator
            .comparingLong(Ticket::due).thenComparingLong(Ticket::seq));
    private final Map<String, Entry> unschedulable = new LinkedHashMap<>();
    private final Map<ClusterEvent, Long> lastEventCycle = new EnumMap<>(ClusterEvent.class);
    private final Map<Where, Integer> counts = new EnumMap<>(Where.class);
    private long seq;
    private long cycle;
    private long lastLeftoverCheck;
    private boolean closed;

    public SchedulingQueue(Profile profile, Clock clock, Duration initialBackoff, Duration maxBackoff) {
        this.profile = profile;
        this.clock = clock;
        this.initialBackoffMillis = initialBackoff.toMillis();
        this.maxBackoffMillis = maxBackoff.toMillis();
        this.lastLeftoverCheck = clock.millis();
    }

    /** Queues a new pending pod as active (or refreshes it if already known). */
    public void add(PodInfo pod) {
        lock.lock();
        try {
            Entry e = entries.get(pod.key());
            if (e != null) {
                updateLocked(e, pod);
                return;
            }
            e = new Entry(pod, clock.millis());
            entries.put(pod.key(), e);
            toActive(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces the pod object of a queued pod. An unschedulable pod whose spec, labels or annotations changed is
     * retried (the change may have been made to let it fit); a status-only change (our own condition update) is not.
     */
    public void update(PodInfo pod) {
        lock.lock();
        try {
            Entry e = entries.get(pod.key());
            if (e == null) {
                add(pod);
            } else {
                updateLocked(e, pod);
            }
        } finally {
            lock.unlock();
        }
    }

    private void updateLocked(Entry e, PodInfo pod) {
        PodInfo old = e.pod;
        e.pod = pod;
        if (e.where == Where.UNSCHEDULABLE && specChanged(old, pod)) {
            retry(e, clock.millis());
        } else if (e.where == Where.ACTIVE && old.priority() != pod.priority()) {
            toActive(e);
        }
    }

    private static boolean specChanged(PodInfo a, PodInfo b) {
        return !Objects.equals(a.pod().getSpec(), b.pod().getSpec()) || !a.labels().equals(b.labels())
                || !Objects.equals(a.pod().getMetadata().getAnnotations(), b.pod().getMetadata().getAnnotations());
    }

    /** Forgets pod {@code key} (deleted, bound by someone else, or no longer ours). */
    public void delete(String key) {
        lock.lock();
        try {
            Entry e = entries.remove(key);
            if (e != null) {
                move(e, Where.GONE);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The next pod to schedule; blocks until one is active. Null once the queue is closed. */
    public QueuedPod pop() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    return null;
                }
                long now = clock.millis();
                QueuedPod next = popLocked(now);
                if (next != null) {
                    return next;
                }
                long wait = LEFTOVER_CHECK_MILLIS;
                Ticket due = firstValid(backoff, Where.BACKOFF);
                if (due != null) {
                    wait = Math.max(1, Math.min(wait, due.due() - now));
                }
                changed.await(wait, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Like {@link #pop} without waiting: the next active pod (after promoting expired backoffs), or null. */
    public QueuedPod tryPop() {
        lock.lock();
        try {
            return closed ? null : popLocked(clock.millis());
        } finally {
            lock.unlock();
        }
    }

    private QueuedPod popLocked(long now) {
        promoteBackoff(now);
        if (now - lastLeftoverCheck >= LEFTOVER_CHECK_MILLIS) {
            lastLeftoverCheck = now;
            flushLeftovers(now);
        }
        Ticket t;
        while ((t = active.poll()) != null) {
            if (t.valid(Where.ACTIVE)) {
                Entry e = t.entry();
                move(e, Where.IN_FLIGHT);
                e.attempts++;
                e.cycle = ++cycle;
                return new QueuedPod(e.pod, e.attempts, e.cycle);
            }
        }
        return null;
    }

    /** The in-flight pod {@code key} was bound: it leaves the queue. */
    public void done(String key) {
        lock.lock();
        try {
            Entry e = entries.get(key);
            if (e != null && e.where == Where.IN_FLIGHT) {
                entries.remove(key);
                move(e, Where.GONE);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts back an in-flight pod whose attempt failed. {@code noFit} (no node fits, rejected by
     * {@code rejectors}) parks it in the unschedulable pool unless an event that may help arrived during the
     * attempt; an error sends it to backoff. A pod deleted meanwhile stays gone.
     */
    public void requeue(String key, Set<String> rejectors, boolean noFit) {
        lock.lock();
        try {
            Entry e = entries.get(key);
            if (e == null || e.where != Where.IN_FLIGHT) {
                return;
            }
            long now = clock.millis();
            e.rejectors = Set.copyOf(rejectors);
            e.lastFailure = now;
            e.timestamp = now;
            if (!noFit || eventSince(e.cycle, e.rejectors)) {
                toBackoff(e);
            } else {
                e.unschedulableSince = now;
                move(e, Where.UNSCHEDULABLE);
                unschedulable.put(key, e);
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean eventSince(long podCycle, Set<String> rejectors) {
        for (var ev : lastEventCycle.entrySet()) {
            if (ev.getValue() >= podCycle && profile.mayHelp(ev.getKey(), rejectors)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports a cluster change: every unschedulable pod rejected by a plugin that {@code event} may help is
     * retried (active if its backoff has passed, else backoff).
     */
    public void onEvent(ClusterEvent event) {
        lock.lock();
        try {
            lastEventCycle.put(event, cycle);
            if (unschedulable.isEmpty()) {
                return;
            }
            List<Entry> helped = new ArrayList<>();
            for (Entry e : unschedulable.values()) {
                if (profile.mayHelp(event, e.rejectors)) {
                    helped.add(e);
                }
            }
            long now = clock.millis();
            helped.forEach(e -> retry(e, now));
        } finally {
            lock.unlock();
        }
    }

    /** Moves every unschedulable pod parked longer than {@link #MAX_TIME_UNSCHEDULABLE} back to the queues. */
    private void flushLeftovers(long now) {
        for (Entry e : new ArrayList<>(unschedulable.values())) {
            if (now - e.unschedulableSince >= MAX_TIME_UNSCHEDULABLE.toMillis()) {
                retry(e, now);
            }
        }
    }

    private void retry(Entry e, long now) {
        if (now < due(e)) {
            toBackoff(e);
        } else {
            toActive(e);
        }
    }

    private void promoteBackoff(long now) {
        Ticket t;
        while ((t = backoff.peek()) != null && (t.due() <= now || !t.valid(Where.BACKOFF))) {
            backoff.poll();
            if (t.valid(Where.BACKOFF)) {
                toActive(t.entry());
            }
        }
    }

    private static Ticket firstValid(PriorityQueue<Ticket> heap, Where where) {
        Ticket t;
        while ((t = heap.peek()) != null && !t.valid(where)) {
            heap.poll();
        }
        return t;
    }

    private long due(Entry e) {
        if (e.attempts == 0) {
            return 0;
        }
        long backoffMillis = initialBackoffMillis << Math.min(e.attempts - 1, 30);
        return e.lastFailure + Math.min(backoffMillis, maxBackoffMillis);
    }

    private void toActive(Entry e) {
        move(e, Where.ACTIVE);
        active.add(new Ticket(e, e.version, e.pod.priority(), e.timestamp, 0, seq++));
        changed.signalAll();
    }

    private void toBackoff(Entry e) {
        move(e, Where.BACKOFF);
        backoff.add(new Ticket(e, e.version, 0, 0, due(e), seq++));
        changed.signalAll();
    }

    private void move(Entry e, Where to) {
        if (e.where == Where.UNSCHEDULABLE) {
            unschedulable.remove(e.pod.key());
        }
        counts.merge(e.where, -1, Integer::sum);
        counts.merge(to, 1, Integer::sum);
        e.where = to;
        e.version++;
    }

    /** Pods in the active queue. */
    public int activeCount() {
        return count(Where.ACTIVE);
    }

    /** Pods waiting out their backoff. */
    public int backoffCount() {
        return count(Where.BACKOFF);
    }

    /** Pods parked as unschedulable. */
    public int unschedulableCount() {
        return count(Where.UNSCHEDULABLE);
    }

    private int count(Where where) {
        lock.lock();
        try {
            return Math.max(0, counts.getOrDefault(where, 0));
        } finally {
            lock.unlock();
        }
    }

    /** Whether the queue knows pod {@code key} (waiting or in flight). */
    public boolean contains(String key) {
        lock.lock();
        try {
            return entries.containsKey(key);
        } finally {
            lock.unlock();
        }
    }

    /** Wakes {@link #pop} callers, which then return null. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
