package io.kubesim.scheduler;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.kubesim.scheduler.framework.PodInfo;

/**
 * The scheduler's writes to pods. Both calls are asynchronous so that a slow API request never holds up the
 * scheduling loop; they complete exceptionally with a {@link PodApiException} when the API server refuses.
 * Implementations are thread-safe.
 */
public interface PodApi {

    /** Binds the pod to {@code node} ({@code POST pods/NAME/binding}). */
    CompletableFuture<Void> bind(PodInfo pod, String node);

    /**
     * Sets the pod's {@code PodScheduled} condition to {@code False} with {@code reason} and {@code message}
     * through {@code pods/NAME/status}; {@code transitionTime} is written when not null (the status changed).
     */
    CompletableFuture<Void> setNotScheduled(PodInfo pod, String reason, String message, Instant transitionTime);
}
