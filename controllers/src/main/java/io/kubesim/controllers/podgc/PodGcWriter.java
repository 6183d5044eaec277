package io.kubesim.controllers.podgc;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

/** The pod garbage collector's API calls. Errors are Fabric8 {@code KubernetesClientException}s. Thread-safe. */
interface PodGcWriter {

    /**
     * Marks a pod that is not yet terminal as Failed (adding {@code condition} when given), then
     * deletes it with grace period 0 — nothing else will finish it. A pod already gone is fine.
     */
    void failAndForceDelete(Pod pod, PodCondition condition);

    /** A live check whether the node exists (the informer may lag behind a recreated node). */
    boolean nodeExists(String name);
}
