package io.kubesim.server.watch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.StoredObject;

/**
 * The in-memory state of one resource type: every current object, a bounded history of recent
 * events, and the live watch subscriptions. Serves GET, LIST (including consistent pages at an
 * older revision, reconstructed from the history) and WATCH (replay from a revision, then live).
 *
 * <p><b>Threads.</b> {@link #apply} is called by one thread at a time (the storage commit thread),
 * in revision order. Reads of single objects are lock-free; list snapshots, subscription and event
 * fan-out take the cache's lock, so a subscriber sees every event after its start revision exactly
 * once. Listener callbacks run under that lock and only enqueue.
 */
public final class ResourceCache {

    private static final char KEY_END = Character.MAX_VALUE;

    private final ResourceDescriptor descriptor;
    private final LongSupplier globalRevision;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentSkipListMap<String, CachedObject> objects = new ConcurrentSkipListMap<>();
    private final EventHistory history;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private volatile long revision;

    /**
     * @param globalRevision the revision up to which every resource cache has applied all events;
     *                       lets a quiet resource report a current revision
     */
    public ResourceCache(ResourceDescriptor descriptor, int historyCapacity, LongSupplier globalRevision) {
        this.descriptor = descriptor;
        this.globalRevision = globalRevision;
        this.history = new EventHistory(historyCapacity, 0);
    }

    public ResourceDescriptor descriptor() {
        return descriptor;
    }

    /** Replaces the contents with a snapshot read at {@code atRevision}; startup only. */
    public void load(List<StoredObject> items, long atRevision) {
        lock.lock();
        try {
            objects.clear();
            for (StoredObject s : items) {
                objects.put(s.key(), CachedObjects.decode(s, descriptor.fields()));
            }
            revision = atRevision;
            history.resetCompleteFrom(atRevision);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refills the history with events that precede the loaded snapshot (read from the storage's
     * log after a restart), oldest first. {@code completeFrom} is the revision after which the
     * storage log had every event.
     */
    public void refillHistory(List<StorageEvent> events, long completeFrom) {
        lock.lock();
        try {
            history.resetCompleteFrom(completeFrom);
            for (StorageEvent e : events) {
                history.append(toCacheEvent(e, e.previous() == null ? null
                        : CachedObjects.decode(e.previous(), descriptor.fields())));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Applies one committed change and fans it out. Called in revision order by one thread. */
    public void apply(StorageEvent e) {
        CachedObject previous = e.previous() == null ? null : objects.get(e.key());
        if (previous == null && e.previous() != null) {
            previous = CachedObjects.decode(e.previous(), descriptor.fields());
        }
        CacheEvent event = toCacheEvent(e, previous);
        lock.lock();
        try {
            if (event.change() == CacheEvent.Change.DELETE) {
                objects.remove(e.key());
            } else {
                objects.put(e.key(), event.object());
            }
            history.append(event);
            revision = e.revision();
            if (!subscriptions.isEmpty()) {
                fanOut(event);
            }
        } finally {
            lock.unlock();
        }
    }

    private CacheEvent toCacheEvent(StorageEvent e, CachedObject previous) {
        return switch (e.type()) {
            case CREATE -> new CacheEvent(CacheEvent.Change.CREATE, e.revision(),
                    CachedObjects.decode(e.value(), descriptor.fields()), null);
            case UPDATE -> new CacheEvent(CacheEvent.Change.UPDATE, e.revision(),
                    CachedObjects.decode(e.value(), descriptor.fields()), previous);
            case DELETE -> new CacheEvent(CacheEvent.Change.DELETE, e.revision(),
                    CachedObjects.restamp(previous, e.revision()), previous);
        };
    }

    private void fanOut(CacheEvent event) {
        Iterator<Subscription> it = subscriptions.iterator();
        while (it.hasNext()) {
            Subscription s = it.next();
            if (!deliver(s, event)) {
                it.remove();
                s.deactivate();
                s.listener.onClosed("watcher too slow");
            }
        }
    }

    /** Delivers {@code event} to {@code s} if visible; false when the listener gave up. */
    private static boolean deliver(Subscription s, CacheEvent event) {
        if (event.revision() <= s.fromRevision || !event.object().key().startsWith(s.keyPrefix)) {
            return true;
        }
        EventType type = classify(s.filter, event);
        if (type == null) {
            return true;
        }
        return s.listener.onEvent(type, event.objectFor(type), event.frame(type), event.revision());
    }

    /**
     * The event type a watcher with {@code filter} sees: an object entering the filter is ADDED, one
     * leaving it is DELETED, one staying is MODIFIED; null when it never matched.
     */
    static EventType classify(WatchFilter filter, CacheEvent event) {
        return switch (event.change()) {
            case CREATE -> filter.matches(event.object()) ? EventType.ADDED : null;
            case DELETE -> filter.matches(event.previous()) ? EventType.DELETED : null;
            case UPDATE -> {
                boolean now = filter.matches(event.object());
                boolean before = event.previous() != null && filter.matches(event.previous());
                if (now) {
                    yield before ? EventType.MODIFIED : EventType.ADDED;
                }
                yield before ? EventType.DELETED : null;
            }
        };
    }

    /** The current object at {@code key}, or null. Lock-free. */
    public CachedObject get(String key) {
        return objects.get(key);
    }

    /** Number of current objects. */
    public int size() {
        return objects.size();
    }

    /**
     * The revision this cache is current at: every event of this resource up to it has been
     * applied, and none after it.
     */
    public long revision() {
        return Math.max(revision, globalRevision.getAsLong());
    }

    /**
     * A page of objects under {@code keyPrefix} after {@code startAfterKey} (exclusive; null for the
     * start) that pass {@code filter}, at {@code atRevision} (0 for the current revision).
     *
     * @throws ApiException Expired when {@code atRevision} is older than the history reaches
     */
    public CacheList list(String keyPrefix, String startAfterKey, int limit, long atRevision, WatchFilter filter) {
        lock.lock();
        try {
            long current = revision();
            NavigableMap<String, CachedObject> range = range(objects, keyPrefix, startAfterKey);
            if (atRevision == 0 || atRevision >= current) {
                return page(range.values().iterator(), limit, filter, current);
            }
            if (atRevision < history.completeFrom()) {
                throw new ApiException(Reason.Expired, "The provided continue parameter is too old to display a "
                        + "consistent list result. You can start a new list without the continue parameter, or use the"
                        + " continue token in this response to retrieve the remainder of the results. Continuing with the"
                        + " provided token results in an inconsistent list - objects that were created, modified, or "
                        + "deleted between the time the first chunk was returned and now may show up in the list.");
            }
            return page(asOf(range, keyPrefix, startAfterKey, atRevision), limit, filter, atRevision);
        } finally {
            lock.unlock();
        }
    }

    private static NavigableMap<String, CachedObject> range(NavigableMap<String, CachedObject> map, String prefix,
                                                            String startAfterKey) {
        NavigableMap<String, CachedObject> r = map.subMap(prefix, true, prefix + KEY_END, false);
        return startAfterKey == null ? r : r.tailMap(startAfterKey, false);
    }

    private static CacheList page(Iterator<CachedObject> it, int limit, WatchFilter filter, long atRevision) {
        List<CachedObject> items = new ArrayList<>(limit > 0 ? Math.min(limit, 1024) : 64);
        String lastKey = null;
        while (it.hasNext()) {
            CachedObject o = it.next();
            if (!filter.matches(o)) {
                continue;
            }
            if (limit > 0 && items.size() == limit) {
                return new CacheList(items, atRevision, lastKey, true);
            }
            items.add(o);
            lastKey = o.key();
        }
        return new CacheList(items, atRevision, lastKey, false);
    }

    /**
     * The objects of {@code range} as they were at {@code atRevision}: current objects, with every
     * key changed after that revision rolled back to its state before the first such change.
     */
    private Iterator<CachedObject> asOf(NavigableMap<String, CachedObject> range, String prefix, String startAfterKey,
                                        long atRevision) {
        TreeMap<String, CachedObject> rolledBack = new TreeMap<>();
        TreeMap<String, Boolean> absent = new TreeMap<>();
        List<CacheEvent> later = history.after(atRevision);
        for (int i = later.size() - 1; i >= 0; i--) {
            CacheEvent e = later.get(i);
            String key = e.object().key();
            if (!key.startsWith(prefix) || (startAfterKey != null && key.compareTo(startAfterKey) <= 0)) {
                continue;
            }
            if (e.previous() == null) {
                rolledBack.remove(key);
                absent.put(key, Boolean.TRUE);
            } else {
                absent.remove(key);
                rolledBack.put(key, e.previous());
            }
        }
        if (rolledBack.isEmpty() && absent.isEmpty()) {
            return range.values().iterator();
        }
        TreeMap<String, CachedObject> view = new TreeMap<>(range);
        absent.keySet().forEach(view::remove);
        view.putAll(rolledBack);
        return Collections.unmodifiableCollection(view.values()).iterator();
    }

    /**
     * Attaches a watch on keys under {@code keyPrefix}. With {@code fromRevision} ≥ 0, replays
     * every visible event after it from the history and continues live; with a negative
     * {@code fromRevision}, first hands the listener the current matching objects (as the initial
     * ADDED events of a watch without a resourceVersion) and continues from the current revision.
     *
     * @throws ApiException Expired when {@code fromRevision} is older than the history reaches
     */
    public Subscription watch(String keyPrefix, long fromRevision, WatchFilter filter, WatchListener listener,
                              InitialState initial) {
        lock.lock();
        try {
            long start;
            if (fromRevision < 0) {
                start = revision();
                List<CachedObject> state = new ArrayList<>();
                for (CachedObject o : range(objects, keyPrefix, null).values()) {
                    if (filter.matches(o)) {
                        state.add(o);
                    }
                }
                initial.accept(state, start);
            } else {
                if (fromRevision < history.completeFrom()) {
                    throw new ApiException(Reason.Expired, "too old resource version: " + fromRevision + " ("
                            + history.completeFrom() + ")");
                }
                start = fromRevision;
            }
            Subscription s = new Subscription(this, keyPrefix, filter, start, listener);
            if (fromRevision >= 0) {
                for (CacheEvent e : history.after(fromRevision)) {
                    if (!deliver(s, e)) {
                        s.deactivate();
                        listener.onClosed("watcher too slow");
                        return s;
                    }
                }
            }
            subscriptions.add(s);
            return s;
        } finally {
            lock.unlock();
        }
    }

    /** Receives the current state when a watch starts without a resourceVersion. */
    @FunctionalInterface
    public interface InitialState {
        void accept(List<CachedObject> objects, long revision);
    }

    void detach(Subscription s) {
        lock.lock();
        try {
            subscriptions.remove(s);
        } finally {
            lock.unlock();
        }
    }

    void bookmark(Subscription s) {
        lock.lock();
        try {
            if (s.isActive() && !s.listener.onBookmark(revision())) {
                subscriptions.remove(s);
                s.deactivate();
                s.listener.onClosed("watcher too slow");
            }
        } finally {
            lock.unlock();
        }
    }

    /** Number of live subscriptions (for metrics). */
    public int watchers() {
        lock.lock();
        try {
            return subscriptions.size();
        } finally {
            lock.unlock();
        }
    }

    /** Closes every subscription (server shutdown). */
    public void closeAll(String reason) {
        lock.lock();
        try {
            for (Subscription s : subscriptions) {
                s.deactivate();
                s.listener.onClosed(reason);
            }
            subscriptions.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Snapshot of per-key objects for diagnostics and tests. */
    Map<String, CachedObject> objectsView() {
        return Collections.unmodifiableMap(objects);
    }
}
