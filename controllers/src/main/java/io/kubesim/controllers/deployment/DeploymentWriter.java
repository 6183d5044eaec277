package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

/**
 * Every write the Deployment controller makes, so its logic can be tested without a server.
 * Methods throw the client's exceptions ({@code KubernetesClientException} with the HTTP code).
 * Implementations must be thread-safe.
 */
interface DeploymentWriter {

    ReplicaSet createReplicaSet(ReplicaSet rs);

    /** Replaces the ReplicaSet (optimistically, at its resourceVersion). */
    ReplicaSet updateReplicaSet(ReplicaSet rs);

    /** Deletes the ReplicaSet; false if it was already gone. */
    boolean deleteReplicaSet(String namespace, String name);

    /** Writes the Deployment's status (optimistically, at its resourceVersion). */
    Deployment updateStatus(Deployment d);

    /** Sets the Deployment's revision annotation (a metadata-only merge patch). */
    Deployment setRevisionAnnotation(Deployment d, String revision);

    /** The Deployment as the API server has it now, or null. */
    Deployment get(String namespace, String name);
}
