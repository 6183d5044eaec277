package io.kubesim.server.storage.engine;

/**
 * A request waiting in the writer queue. Instances are created by {@link SequencedStorage} and
 * owned by the {@link WriteSequencer} from the moment they are enqueued.
 */
sealed interface PendingWrite permits MutationRequest, CompactionRequest, WriterWakeup {

    /** Fails the caller's future; a no-op for requests nobody waits for. */
    void fail(Throwable cause);
}
