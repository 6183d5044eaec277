package io.kubesim.server.storage.engine;

import java.util.concurrent.CompletableFuture;

/** Discard event history at or below {@code revision}. */
record CompactionRequest(long revision, CompletableFuture<Void> future) implements PendingWrite {

    @Override
    public void fail(Throwable cause) {
        future.completeExceptionally(cause);
    }
}
