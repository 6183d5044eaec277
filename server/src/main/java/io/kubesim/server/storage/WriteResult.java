package io.kubesim.server.storage;

/**
 * The outcome of a committed mutation: the new revision, the value now stored (null after a
 * delete) and the value it replaced (null after a create).
 */
public record WriteResult(long revision, StoredObject current, StoredObject previous) {
}
