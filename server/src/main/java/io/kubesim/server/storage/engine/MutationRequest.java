package io.kubesim.server.storage.engine;

import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.ValueEncoder;
import io.kubesim.server.storage.WriteResult;
import java.util.concurrent.CompletableFuture;

/**
 * A create, update or delete. {@code expectedModRevision} is ignored for creates, and {@code 0}
 * means "unconditional" for deletes only; {@code encoder} is null for deletes.
 */
record MutationRequest(StorageEvent.Type type, String key, long expectedModRevision, ValueEncoder encoder,
                       CompletableFuture<WriteResult> future) implements PendingWrite {

    @Override
    public void fail(Throwable cause) {
        future.completeExceptionally(cause);
    }
}
