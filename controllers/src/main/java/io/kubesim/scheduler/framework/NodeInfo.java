package io.kubesim.scheduler.framework;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Taint;

/**
 * A node and the pods assigned to it (bound or assumed), with the sums plugins need precomputed: requested
 * resources, requests with scoring defaults, and pods per controlling owner. Immutable: every change produces a new
 * instance, so a cycle can read a {@link Snapshot} while the cache moves on; copying is O(pods on the node).
 * Thread-safe.
 */
public final class NodeInfo {

    private final String name;
    private final Node node;
    private final Map<String, String> labels;
    private final List<Taint> taints;
    private final Resources allocatable;
    private final String readyStatus;
    private final List<PodInfo> pods;
    private final Resources requested;
    private final Resources nonZeroRequested;
    private final OwnerCounts podsByController;

    private NodeInfo(String name, Node node, List<PodInfo> pods) {
        this(name, node, pods, null, null, null);
    }

    /** With {@code requested} null the sums are computed from {@code pods}; otherwise they are taken as given. */
    private NodeInfo(String name, Node node, List<PodInfo> pods, Resources requested, Resources nonZeroRequested,
                     OwnerCounts podsByController) {
        this.name = name;
        this.node = node;
        this.pods = pods;
        var meta = node == null ? null : node.getMetadata();
        this.labels = meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels();
        var spec = node == null ? null : node.getSpec();
        this.taints = spec == null || spec.getTaints() == null ? List.of() : spec.getTaints();
        var status = node == null ? null : node.getStatus();
        this.allocatable = status == null ? Resources.ZERO : Resources.of(
                status.getAllocatable() != null && !status.getAllocatable().isEmpty() ? status.getAllocatable()
                        : status.getCapacity());
        this.readyStatus = status == null ? null : ready(status.getConditions());
        if (requested != null) {
            this.requested = requested;
            this.nonZeroRequested = nonZeroRequested;
            this.podsByController = podsByController;
            return;
        }
        Resources req = Resources.ZERO;
        Resources nonZero = Resources.ZERO;
        OwnerCounts byController = OwnerCounts.EMPTY;
        for (PodInfo p : pods) {
            req = req.plus(p.requests());
            nonZero = nonZero.plus(p.nonZeroRequests());
            byController = OwnerCounts.count(byController, p, 1);
        }
        this.requested = req;
        this.nonZeroRequested = nonZero;
        this.podsByController = byController;
    }

    /** A node without pods. */
    public static NodeInfo of(Node node) {
        return new NodeInfo(node.getMetadata().getName(), node, List.of());
    }

    /** A node with {@code pods}. */
    public static NodeInfo of(Node node, List<PodInfo> pods) {
        return new NodeInfo(node.getMetadata().getName(), node, List.copyOf(pods));
    }

    /** Pods assigned to {@code name} whose Node object is not (or no longer) known. */
    public static NodeInfo withoutNode(String name) {
        return new NodeInfo(name, null, List.of());
    }

    /** This node info with the Node object replaced (null: the node is gone but its pods are still known). */
    public NodeInfo withNode(Node newNode) {
        return new NodeInfo(name, newNode, pods, requested, nonZeroRequested, podsByController);
    }

    /** This node info with {@code pod} added, or replacing the pod with the same key. */
    public NodeInfo withPod(PodInfo pod) {
        NodeInfo base = withoutPod(pod.key());
        List<PodInfo> next = new ArrayList<>(base.pods.size() + 1);
        next.addAll(base.pods);
        next.add(pod);
        return new NodeInfo(name, node, Collections.unmodifiableList(next), base.requested.plus(pod.requests()),
                base.nonZeroRequested.plus(pod.nonZeroRequests()), OwnerCounts.count(base.podsByController, pod, 1));
    }

    /** This node info without the pod with {@code key} (the same instance if it holds none). */
    public NodeInfo withoutPod(String key) {
        for (int i = 0; i < pods.size(); i++) {
            PodInfo p = pods.get(i);
            if (p.key().equals(key)) {
                List<PodInfo> next = new ArrayList<>(pods);
                next.remove(i);
                return new NodeInfo(name, node, Collections.unmodifiableList(next), requested.minus(p.requests()),
                        nonZeroRequested.minus(p.nonZeroRequests()), OwnerCounts.count(podsByController, p, -1));
            }
        }
        return this;
    }


    private static String ready(List<NodeCondition> conditions) {
        if (conditions != null) {
            for (NodeCondition c : conditions) {
                if ("Ready".equals(c.getType())) {
                    return c.getStatus();
                }
            }
        }
        return null;
    }

    public String name() {
        return name;
    }

    /** The Node object, or null when only its pods are known. */
    public Node node() {
        return node;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public List<Taint> taints() {
        return taints;
    }

    public boolean unschedulable() {
        return node != null && node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    }

    /** {@code status.allocatable} (or capacity when allocatable is not reported). */
    public Resources allocatable() {
        return allocatable;
    }

    /** The status of the {@code Ready} condition ({@code True}, {@code False}, {@code Unknown}), or null if none. */
    public String readyStatus() {
        return readyStatus;
    }

    public List<PodInfo> pods() {
        return pods;
    }

    /** The sum of the effective requests of all pods on the node. */
    public Resources requested() {
        return requested;
    }

    /** The sum of the requests with scoring defaults ({@link PodRequests#nonZero}). */
    public Resources nonZeroRequested() {
        return nonZeroRequested;
    }

    /** How many non-terminating pods on this node the controller with this {@link PodInfo#controllerKey} owns. */
    public int podsOwnedBy(long key) {
        return podsByController.get(key);
    }

    @Override
    public String toString() {
        return "NodeInfo[" + name + ", " + pods.size() + " pods, requested " + requested + "]";
    }
}
