package io.kubesim.scheduler.framework;

/**
 * A change in the cluster that may make a pod that was unschedulable schedulable. Plugins declare which events can
 * undo their rejection ({@link Plugin#events()}); the queue retries a pod only on events that matter to the plugins
 * that rejected it, like kube-scheduler's cluster events (a coarse form of its queueing hints).
 */
public enum ClusterEvent {
    /** A node appeared. */
    NODE_ADDED,
    /** A node's schedulability changed: labels, taints, cordon, allocatable or readiness. */
    NODE_CHANGED,
    /** A pod was assigned to a node. */
    ASSIGNED_POD_ADDED,
    /** An assigned pod changed its labels or requests. */
    ASSIGNED_POD_CHANGED,
    /** An assigned pod went away (deleted or finished), freeing its resources. */
    ASSIGNED_POD_DELETED
}
