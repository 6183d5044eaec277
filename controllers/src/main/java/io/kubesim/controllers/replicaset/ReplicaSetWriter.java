package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

/**
 * Every write the ReplicaSet controller makes, so the reconciler can be tested without a server.
 * Methods throw the client's exceptions (a {@code KubernetesClientException} with the HTTP code).
 * Implementations must be thread-safe: pods are created and deleted concurrently.
 */
interface ReplicaSetWriter {

    /** Creates {@code pod} (named by {@code generateName}); returns the created pod. */
    Pod createPod(Pod pod);

    /** Deletes the pod; false if it was already gone. */
    boolean deletePod(String namespace, String name);

    /** Replaces the pod (optimistically, at its resourceVersion); used to change owner references. */
    Pod updatePod(Pod pod);

    /** Writes the ReplicaSet's status (optimistically, at its resourceVersion). */
    ReplicaSet updateStatus(ReplicaSet rs);

    /** The ReplicaSet as the API server has it now, or null. */
    ReplicaSet get(String namespace, String name);
}
