package io.kubesim.server.storage;

/** Thrown when the key was modified since it was read. */
public class RevisionMismatchException extends StorageException {
    private static final long serialVersionUID = 1L;

    public RevisionMismatchException(String key) {
        super(key);
    }
}
