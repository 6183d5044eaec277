package io.kubesim.server.storage;

/**
 * Receives committed mutations in revision order. Called on the storage's committing thread
 * before the writes' futures complete: implementations must be quick, must not block and must not
 * call back into the storage synchronously.
 */
@FunctionalInterface
public interface StorageListener {
    void onCommitted(StorageEvent event);
}
