package io.kubesim.server.storage;

/** Thrown when the key already exists. */
public class KeyExistsException extends StorageException {
    private static final long serialVersionUID = 1L;

    public KeyExistsException(String key) {
        super(key);
    }
}
