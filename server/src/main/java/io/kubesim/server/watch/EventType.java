package io.kubesim.server.watch;

/** Watch event types as they appear on the wire. */
public enum EventType {
    ADDED, MODIFIED, DELETED, BOOKMARK, ERROR
}
