package io.kubesim.controllers.statefulset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * Every write the StatefulSet controller makes, so its logic can be tested without a server.
 * Methods throw the client's exceptions. Implementations must be thread-safe (the Parallel policy
 * writes concurrently).
 */
interface StatefulSetWriter {

    Pod createPod(Pod pod);

    /** Replaces the pod (optimistically, at its resourceVersion). */
    Pod updatePod(Pod pod);

    /** Deletes the pod; false if it was already gone. */
    boolean deletePod(String namespace, String name);

    /** Writes the StatefulSet's status (optimistically, at its resourceVersion). */
    StatefulSet updateStatus(StatefulSet set);

    /** The StatefulSet as the API server has it now, or null. */
    StatefulSet get(String namespace, String name);
}
