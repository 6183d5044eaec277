package io.kubesim.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the storage-writer inside the encoder of a create of {@code /held} until released, so that
 * everything submitted meanwhile is queued and then committed as one group (up to 512 requests).
 * Relies on encoders running on the writer thread, as {@link ValueEncoder} specifies.
 */
public final class WriterGate {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<WriteResult> held;

    private WriterGate(Storage storage) throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        held = storage.create("/held", revision -> {
            entered.countDown();
            awaitRelease();
            return StorageTestSupport.encoded("held", revision);
        });
        assertThat(entered.await(StorageTestSupport.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .as("writer entered the gate").isTrue();
    }

    /** Returns once the writer is held. */
    public static WriterGate hold(Storage storage) throws InterruptedException {
        return new WriterGate(storage);
    }

    /** The held create; it commits after {@link #release()}. */
    public CompletableFuture<WriteResult> held() {
        return held;
    }

    public void release() {
        release.countDown();
    }

    private void awaitRelease() {
        try {
            if (!release.await(StorageTestSupport.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("writer gate was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
