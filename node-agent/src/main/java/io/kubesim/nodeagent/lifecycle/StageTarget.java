package io.kubesim.nodeagent.lifecycle;

import java.time.Duration;

import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link StagePlayer} needs to know about one kind of object: how to key it, read its
 * current state, view it as JSON, provide template tokens and write a stage's outcome back to the
 * API server. Implementations are called from the player's worker threads (and {@link #key} and
 * {@link #tree} also from informer threads), so they must be thread-safe.
 *
 * @param <T> the Fabric8 type, e.g. {@code Pod}
 */
public interface StageTarget<T> {

    /** The kind as stage files name it: {@code Pod} or {@code Node}. */
    String kind();

    /** The work-queue key of {@code object} ({@code namespace/name}). */
    String key(T object);

    /** The current state of the object with {@code key} (from an informer cache), or null when it is gone. */
    T get(String key);

    /** {@code object} as a JSON tree for selectors and templates; a fresh copy the caller may keep. */
    ObjectNode tree(T object);

    /**
     * The tokens for rendering a stage on {@code object}.
     *
     * @param waited how long the stage waited since it was chosen (the {@code ${delay}} token)
     */
    Tokens tokens(T object, ObjectNode tree, Duration waited);

    /**
     * Writes {@code outcome} to the API server: the status patch (with the object's resource
     * version as precondition), then the events, finalizer removal and deletion.
     *
     * @throws io.fabric8.kubernetes.client.KubernetesClientException when a write fails; 409 and 404 are expected
     */
    void apply(T object, Stage stage, StageOutcome outcome);
}
