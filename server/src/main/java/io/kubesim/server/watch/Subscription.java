package io.kubesim.server.watch;

/**
 * One live watch attached to a {@link ResourceCache}. {@link #cancel()} detaches it; afterwards no
 * more events are delivered. Thread-safe.
 */
public final class Subscription {

    private final ResourceCache cache;
    final WatchFilter filter;
    final String keyPrefix;
    final long fromRevision;
    final WatchListener listener;
    private volatile boolean active = true;

    Subscription(ResourceCache cache, String keyPrefix, WatchFilter filter, long fromRevision, WatchListener listener) {
        this.cache = cache;
        this.keyPrefix = keyPrefix;
        this.filter = filter;
        this.fromRevision = fromRevision;
        this.listener = listener;
    }

    public boolean isActive() {
        return active;
    }

    /** Stops delivery. Idempotent. */
    public void cancel() {
        if (active) {
            active = false;
            cache.detach(this);
        }
    }

    /** Asks the cache for a bookmark at its current revision, delivered in order with events. */
    public void requestBookmark() {
        if (active) {
            cache.bookmark(this);
        }
    }

    void deactivate() {
        active = false;
    }
}
