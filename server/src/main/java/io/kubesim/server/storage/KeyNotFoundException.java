package io.kubesim.server.storage;

/** Thrown when the key does not exist. */
public class KeyNotFoundException extends StorageException {
    private static final long serialVersionUID = 1L;

    public KeyNotFoundException(String key) {
        super(key);
    }
}
