package io.kubesim.scheduler;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Node;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Snapshot;

/**
 * What the scheduler knows about nodes and the pods assigned to them: nodes and assigned pods from the informers,
 * plus pods it has <em>assumed</em> onto a node the moment it decided to bind them, so that the next cycle already
 * counts them, before the binding's watch event arrives. The informer's event for the bound pod confirms the
 * assumption; a failed binding {@link #forget}s it.
 *
 * <p>Per-node data is kept as immutable {@link NodeInfo}s, so {@link #snapshot} is a cheap copy of references
 * (rebuilt only after a change). Thread-safe: informer threads write, the scheduling thread snapshots and assumes,
 * binding callbacks forget; every method holds one lock briefly.
 */
public final class SchedulerCache {

    private record PodState(PodInfo pod, boolean assumed) {
    }

    private final Object lock = new Object();
    private final Map<String, NodeInfo> nodes = new LinkedHashMap<>();
    private final Map<String, PodState> pods = new HashMap<>();
    private long generation;
    private long snapshotGeneration = -1;
    private Snapshot snapshot = Snapshot.of();

    /** Adds or replaces a node, keeping the pods already known to be on it. */
    public void putNode(Node node) {
        String name = node.getMetadata().getName();
        synchronized (lock) {
            NodeInfo current = nodes.get(name);
            nodes.put(name, current == null ? NodeInfo.of(node) : current.withNode(node));
            generation++;
        }
    }

    /** Removes a node; its pods stay known (as kube-scheduler does) until they are deleted themselves. */
    public void removeNode(String name) {
        synchronized (lock) {
            NodeInfo current = nodes.get(name);
            if (current == null) {
                return;
            }
            if (current.pods().isEmpty()) {
                nodes.remove(name);
            } else {
                nodes.put(name, current.withNode(null));
            }
            generation++;
        }
    }

    /**
     * Records an assigned pod seen by the informer (added or updated). If the scheduler had assumed it, the
     * assumption is confirmed; if it is now on another node than assumed, it moves.
     */
    public void putPod(PodInfo pod) {
        if (pod.nodeName() == null) {
            throw new IllegalArgumentException("pod " + pod.fullName() + " is not assigned to a node");
        }
        synchronized (lock) {
            PodState previous = pods.put(pod.key(), new PodState(pod, false));
            if (previous != null && !previous.pod().nodeName().equals(pod.nodeName())) {
                detach(previous.pod());
            }
            attach(pod);
        }
    }

    /** Forgets a pod that was deleted or finished (assumed or not). */
    public void removePod(String key) {
        synchronized (lock) {
            PodState previous = pods.remove(key);
            if (previous != null) {
                detach(previous.pod());
            }
        }
    }

    /**
     * Counts {@code pod} on {@code node} from now on, ahead of the binding. Does nothing if the informer already
     * reported the pod assigned.
     */
    public void assume(PodInfo pod, String node) {
        synchronized (lock) {
            if (pods.containsKey(pod.key())) {
                return;
            }
            PodInfo assigned = pod.assignedTo(node);
            pods.put(pod.key(), new PodState(assigned, true));
            attach(assigned);
        }
    }

    /** Drops the assumption about pod {@code key} after its binding failed; confirmed pods are kept. */
    public void forget(String key) {
        synchronized (lock) {
            PodState state = pods.get(key);
            if (state != null && state.assumed()) {
                pods.remove(key);
                detach(state.pod());
            }
        }
    }

    /** Whether pod {@code key} is counted only by assumption. */
    public boolean isAssumed(String key) {
        synchronized (lock) {
            PodState state = pods.get(key);
            return state != null && state.assumed();
        }
    }

    /** The nodes and their pods as of now; the same instance until something changes. */
    public Snapshot snapshot() {
        synchronized (lock) {
            if (snapshotGeneration != generation) {
                snapshot = Snapshot.of(nodes.values());
                snapshotGeneration = generation;
            }
            return snapshot;
        }
    }

    /** The number of pods known (bound or assumed). */
    public int podCount() {
        synchronized (lock) {
            return pods.size();
        }
    }

    private void attach(PodInfo pod) {
        NodeInfo current = nodes.get(pod.nodeName());
        NodeInfo base = current == null ? NodeInfo.withoutNode(pod.nodeName()) : current;
        nodes.put(pod.nodeName(), base.withPod(pod));
        generation++;
    }

    private void detach(PodInfo pod) {
        NodeInfo current = nodes.get(pod.nodeName());
        if (current == null) {
            return;
        }
        NodeInfo next = current.withoutPod(pod.key());
        if (next.node() == null && next.pods().isEmpty()) {
            nodes.remove(pod.nodeName());
        } else {
            nodes.put(pod.nodeName(), next);
        }
        generation++;
    }
}
