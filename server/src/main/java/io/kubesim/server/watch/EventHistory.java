package io.kubesim.server.watch;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded ring buffer of one resource type's recent events, in revision order, together with the
 * revision it is complete from: every event of this resource with a revision greater than
 * {@link #completeFrom()} is in the buffer. Revisions are global, so a quiet resource stays
 * watchable from old revisions as long as none of its own events were evicted.
 *
 * <p>Not thread-safe: the owning {@link ResourceCache} guards it with its lock.
 */
final class EventHistory {

    private final CacheEvent[] ring;
    private int head;
    private int size;
    private long completeFrom;

    EventHistory(int capacity, long completeFrom) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be positive");
        }
        this.ring = new CacheEvent[capacity];
        this.completeFrom = completeFrom;
    }

    void append(CacheEvent event) {
        if (size == ring.length) {
            CacheEvent evicted = ring[head];
            completeFrom = evicted.revision();
            ring[head] = event;
            head = (head + 1) % ring.length;
        } else {
            ring[(head + size) % ring.length] = event;
            size++;
        }
    }

    long completeFrom() {
        return completeFrom;
    }

    /** Moves the completeness bound (used when the history is refilled after a restart). */
    void resetCompleteFrom(long revision) {
        completeFrom = revision;
    }

    /** Events with a revision greater than {@code revision}, oldest first. */
    List<CacheEvent> after(long revision) {
        int first = firstAfter(revision);
        List<CacheEvent> out = new ArrayList<>(size - first);
        for (int i = first; i < size; i++) {
            out.add(ring[(head + i) % ring.length]);
        }
        return out;
    }

    /** Index (0 = oldest) of the first event with revision greater than {@code revision}. */
    private int firstAfter(long revision) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ring[(head + mid) % ring.length].revision() <= revision) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int size() {
        return size;
    }
}
