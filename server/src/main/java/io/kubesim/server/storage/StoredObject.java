package io.kubesim.server.storage;

/**
 * One stored value with its revisions. {@code value} carries {@code metadata.resourceVersion} equal
 * to {@code modRevision}. Callers must not modify the array.
 */
public record StoredObject(String key, byte[] value, long createRevision, long modRevision) {
}
