package io.kubesim.controllers.daemonset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;

/**
 * The DaemonSet controller's writes. Errors are Fabric8 {@code KubernetesClientException}s
 * carrying the API status. Implementations are thread-safe.
 */
interface DaemonSetWriter {

    /** Creates {@code pod} (named by generateName) and returns the stored pod. */
    Pod createPod(Pod pod);

    /** Deletes {@code pod} with its default grace period. */
    void deletePod(Pod pod);

    /** Replaces the controller-owned fields of {@code ds}'s status. */
    void updateStatus(DaemonSet ds, DaemonSetStatus status);
}
