package io.kubesim.server.storage.engine;

/**
 * Enqueued by {@code close()} so that a writer blocked on an empty queue notices the closed flag.
 * A final class rather than a record so that queue removal compares identity.
 */
final class WriterWakeup implements PendingWrite {

    @Override
    public void fail(Throwable cause) {
        // nobody waits for a wake-up
    }
}
