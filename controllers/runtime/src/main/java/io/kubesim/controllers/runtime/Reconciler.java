package io.kubesim.controllers.runtime;

/**
 * Brings one object (named by its {@code namespace/name} key) to its desired state. Level-triggered:
 * it reads current state from informer caches, never from the event that queued the key, and it is
 * idempotent, so running it any number of times is safe.
 *
 * <p>Errors: throw to be retried with per-key backoff; a 409 Conflict from the API server is
 * retried quietly. Implementations must be thread-safe for different keys; the runner never
 * reconciles one key on two threads at once.
 */
@FunctionalInterface
public interface Reconciler {

    Result reconcile(String key) throws Exception;
}
