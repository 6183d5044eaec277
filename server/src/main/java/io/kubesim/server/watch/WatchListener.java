package io.kubesim.server.watch;

/**
 * Receives the events of one watch. Called under the resource cache's lock, on whichever thread
 * committed the change (the storage writer) or subscribed: implementations only enqueue and must
 * never block.
 */
public interface WatchListener {

    /**
     * One event for this watcher, already filtered and typed. {@code frame} is the shared
     * newline-terminated JSON frame; {@code object} the object it carries.
     *
     * @return false when the listener cannot keep up; the cache then closes the subscription
     */
    boolean onEvent(EventType type, CachedObject object, byte[] frame, long revision);

    /** A bookmark at {@code revision}: every event up to it has been delivered. */
    boolean onBookmark(long revision);

    /** The subscription ended on the cache side (too slow, or the cache is closing). */
    void onClosed(String reason);
}
