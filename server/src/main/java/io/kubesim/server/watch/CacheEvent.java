package io.kubesim.server.watch;

import java.nio.charset.StandardCharsets;

/**
 * One committed change of one resource type, as the watch cache records it. {@code object} is the
 * state after the change; for a delete it is the last state stamped with the deletion revision, as
 * the real server sends it. {@code previous} is the state before (null for a create).
 *
 * <p>Wire frames are built lazily and at most once per event type, then shared by every watcher:
 * fan-out never serializes per watcher. Thread-safe (benign races only build the same bytes twice).
 */
public final class CacheEvent {

    /** What happened in storage. */
    public enum Change { CREATE, UPDATE, DELETE }

    private static final byte[] PREFIX_ADDED = "{\"type\":\"ADDED\",\"object\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PREFIX_MODIFIED = "{\"type\":\"MODIFIED\",\"object\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PREFIX_DELETED = "{\"type\":\"DELETED\",\"object\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SUFFIX = "}\n".getBytes(StandardCharsets.UTF_8);

    private final Change change;
    private final long revision;
    private final CachedObject object;
    private final CachedObject previous;
    private volatile byte[] addedFrame;
    private volatile byte[] modifiedFrame;
    private volatile byte[] deletedFrame;
    private volatile CachedObject previousAtRevision;

    public CacheEvent(Change change, long revision, CachedObject object, CachedObject previous) {
        this.change = change;
        this.revision = revision;
        this.object = object;
        this.previous = previous;
    }

    public Change change() {
        return change;
    }

    public long revision() {
        return revision;
    }

    public CachedObject object() {
        return object;
    }

    public CachedObject previous() {
        return previous;
    }

    /**
     * The previous state carrying this event's revision: the object of a DELETED event sent to a
     * watcher that no longer matches an updated object.
     */
    public CachedObject previousAtRevision() {
        CachedObject p = previousAtRevision;
        if (p == null) {
            p = CachedObjects.restamp(previous, revision);
            previousAtRevision = p;
        }
        return p;
    }

    /** The newline-terminated JSON frame {@code {"type":T,"object":...}} for {@code type}. */
    public byte[] frame(EventType type) {
        switch (type) {
            case ADDED -> {
                byte[] f = addedFrame;
                if (f == null) {
                    f = frame(PREFIX_ADDED, object.json());
                    addedFrame = f;
                }
                return f;
            }
            case MODIFIED -> {
                byte[] f = modifiedFrame;
                if (f == null) {
                    f = frame(PREFIX_MODIFIED, object.json());
                    modifiedFrame = f;
                }
                return f;
            }
            case DELETED -> {
                byte[] f = deletedFrame;
                if (f == null) {
                    CachedObject o = change == Change.DELETE ? object : previousAtRevision();
                    f = frame(PREFIX_DELETED, o.json());
                    deletedFrame = f;
                }
                return f;
            }
            default -> throw new IllegalArgumentException(type.name());
        }
    }

    /** The object a watcher receives with an event of {@code type}. */
    public CachedObject objectFor(EventType type) {
        return type == EventType.DELETED && change != Change.DELETE ? previousAtRevision() : object;
    }

    /** Builds a frame for an object outside any event (the initial ADDED events of a watch). */
    public static byte[] addedFrame(CachedObject object) {
        return frame(PREFIX_ADDED, object.json());
    }

    private static byte[] frame(byte[] prefix, byte[] json) {
        byte[] out = new byte[prefix.length + json.length + SUFFIX.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(json, 0, out, prefix.length, json.length);
        System.arraycopy(SUFFIX, 0, out, prefix.length + json.length, SUFFIX.length);
        return out;
    }
}
