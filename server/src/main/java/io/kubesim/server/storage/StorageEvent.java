package io.kubesim.server.storage;

/**
 * One committed mutation. {@code value} is the stored value after the write (null for
 * {@link Type#DELETE}); {@code previous} the value before it (null for {@link Type#CREATE}).
 */
public record StorageEvent(Type type, String key, long revision, StoredObject value, StoredObject previous) {

    public enum Type { CREATE, UPDATE, DELETE }
}
