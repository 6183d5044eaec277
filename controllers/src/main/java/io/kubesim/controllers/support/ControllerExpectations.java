package io.kubesim.controllers.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a controller is still waiting to see in its informer cache after it created or deleted
 * objects, per owner key — Kubernetes' {@code UIDTrackingControllerExpectations}. A controller
 * records expectations before it writes; informer handlers lower them as the creations and
 * deletions arrive; the controller only computes a new diff once its expectations are met or have
 * expired ({@link #TIMEOUT}), so a slow watch never makes it create the same replicas twice.
 * Deletions are tracked by object key so a pod seen first with a deletion timestamp and then
 * deleted is counted once. Thread-safe.
 */
public final class ControllerExpectations implements OwnedPodHandler.DependentObserver {

    /** After this long a controller stops waiting for events it may have missed. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration timeout;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private static final class Entry {
        int adds;
        int deletes;
        final Set<String> deleteKeys = new HashSet<>();
        final Instant since;

        Entry(int adds, Collection<String> deleteKeys, Instant since) {
            this.adds = adds;
            this.deleteKeys.addAll(deleteKeys);
            this.deletes = this.deleteKeys.size();
            this.since = since;
        }
    }

    public ControllerExpectations(Clock clock) {
        this(clock, TIMEOUT);
    }

    public ControllerExpectations(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    /** True if the controller may act on {@code key}: nothing pending, all seen, or the wait expired. */
    public boolean satisfied(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return true;
        }
        synchronized (e) {
            return (e.adds <= 0 && e.deletes <= 0) || clock.instant().isAfter(e.since.plus(timeout));
        }
    }

    /** Expects {@code adds} creations for {@code key}, replacing earlier expectations. */
    public void expectCreations(String key, int adds) {
        entries.put(key, new Entry(adds, Set.of(), clock.instant()));
    }

    /** Expects the deletion of the objects with {@code deleteKeys} for {@code key}, replacing earlier expectations. */
    public void expectDeletions(String key, Collection<String> deleteKeys) {
        entries.put(key, new Entry(0, deleteKeys, clock.instant()));
    }

    /** One expected creation arrived (or will never arrive because the create failed). */
    @Override
    public void creationObserved(String key) {
        Entry e = entries.get(key);
        if (e != null) {
            synchronized (e) {
                e.adds--;
            }
        }
    }

    /** The object {@code objectKey} was seen deleted (or will never be, because the delete failed). */
    @Override
    public void deletionObserved(String key, String objectKey) {
        Entry e = entries.get(key);
        if (e != null) {
            synchronized (e) {
                if (e.deleteKeys.remove(objectKey)) {
                    e.deletes--;
                }
            }
        }
    }

    /** Forgets {@code key}, e.g. when its owner is deleted, so a new owner of that name starts clean. */
    public void delete(String key) {
        entries.remove(key);
    }

    /** Pending (adds, deletes) for {@code key}; (0, 0) if none. For tests and logs. */
    public int[] pending(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return new int[] {0, 0};
        }
        synchronized (e) {
            return new int[] {e.adds, e.deletes};
        }
    }
}
