package io.kubesim.controllers.nodelifecycle;

import io.fabric8.kubernetes.api.model.Pod;

/** The taint eviction controller's writes. Errors are Fabric8 {@code KubernetesClientException}s. Thread-safe. */
interface EvictionWriter {

    /**
     * Adds the condition {@code DisruptionTarget=True} ({@code DeletionByTaintManager}, "Taint
     * manager: deleting due to NoExecute taint") and deletes the pod with its default grace period.
     */
    void evict(Pod pod, String transitionTime);
}
