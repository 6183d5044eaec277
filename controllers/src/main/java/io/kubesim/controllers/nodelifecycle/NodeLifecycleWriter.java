package io.kubesim.controllers.nodelifecycle;

import java.util.List;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;

/**
 * The node lifecycle controller's writes. Node writes are optimistic (409 when the cached node is
 * stale). Errors are Fabric8 {@code KubernetesClientException}s. Thread-safe.
 */
interface NodeLifecycleWriter {

    /** Replaces the node's status conditions through {@code nodes/NAME/status}; returns the stored node. */
    Node updateConditions(Node node, List<NodeCondition> conditions);

    /** Replaces {@code spec.taints}. */
    void updateTaints(Node node, List<Taint> taints);

    /** Sets the pod's Ready condition to False through {@code pods/NAME/status}. */
    void markPodNotReady(Pod pod, String transitionTime);
}
