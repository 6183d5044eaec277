package io.kubesim.controllers.nodelifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.controllers.runtime.Reconciler;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.ApiErrors;
import io.kubesim.controllers.support.EventSink;
import io.kubesim.controllers.support.Nodes;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.Pods;
import io.kubesim.controllers.support.StoreIndex;
import io.kubesim.controllers.support.Times;

/**
 * Watches one node's health (key: node name), as upstream's node lifecycle controller:
 * <ul>
 *   <li>without a heartbeat (Lease renewal or Ready heartbeat) for the grace period, the node's
 *       conditions become Unknown, the event {@code NodeNotReady} is recorded, and its pods'
 *       Ready conditions are set to False (event {@code NodeNotReady} "Node is not ready" on each);</li>
 *   <li>the controller-owned taints follow the conditions and {@code spec.unschedulable}
 *       ({@link ControllerTaints}); the NoExecute ones drive the taint eviction controller;</li>
 *   <li>{@code RegisteredNode} / {@code RemovingNode} events when nodes appear and go.</li>
 * </ul>
 * Thread-safe for distinct keys.
 */
final class NodeHealthReconciler implements Reconciler {

    static final String LEASE_NAMESPACE = "kube-node-lease";
    /** Grace for a node that never posted a Ready condition (upstream's node-startup-grace-period). */
    static final Duration STARTUP_GRACE = Duration.ofSeconds(60);

    private final ObjectStore<Node> nodes;
    private final ObjectStore<Lease> leases;
    private final ObjectStore<Pod> pods;
    private final NodeLifecycleWriter writer;
    private final EventSink events;
    private final Clock clock;
    private final Duration gracePeriod;
    private final Instant started;
    private final Map<String, Node> known = new ConcurrentHashMap<>();

    NodeHealthReconciler(ObjectStore<Node> nodes, ObjectStore<Lease> leases, ObjectStore<Pod> pods,
                         NodeLifecycleWriter writer, EventSink events, Clock clock, Duration gracePeriod) {
        this.nodes = nodes;
        this.leases = leases;
        this.pods = pods;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
        this.gracePeriod = gracePeriod;
        this.started = clock.instant();
    }

    @Override
    public Result reconcile(String name) {
        Node node = nodes.get(null, name);
        if (node == null) {
            Node gone = known.remove(name);
            if (gone != null) {
                nodeEvent(gone, "RemovingNode", "Removing Node " + name + " from Controller");
            }
            return Result.DONE;
        }
        if (known.put(name, node) == null) {
            nodeEvent(node, "RegisteredNode", "Registered Node " + name + " in Controller");
        }
        Instant now = clock.instant();
        Optional<NodeCondition> ready = Nodes.condition(node, Nodes.READY);
        Duration grace = ready.isPresent() ? gracePeriod : STARTUP_GRACE;
        Instant deadline = NodeHealth.lastHeartbeat(node, leases.get(LEASE_NAMESPACE, name), started).plus(grace);
        Result result = Result.requeueAfter(Duration.between(now, deadline).plusMillis(100));
        if (!now.isBefore(deadline)) {
            result = Result.DONE;
            Optional<List<NodeCondition>> silenced = NodeHealth.markUnknown(node, now);
            if (silenced.isPresent()) {
                boolean wasReady = Nodes.isReady(node);
                node = writer.updateConditions(node, silenced.get());
                if (wasReady) {
                    events.normal(node, "NodeNotReady", "Node " + name + " status is now: NodeNotReady");
                }
            }
        }
        Optional<List<Taint>> taints = ControllerTaints.reconcile(node, now);
        if (taints.isPresent()) {
            writer.updateTaints(node, taints.get());
        }
        if ("Unknown".equals(Nodes.readyStatus(node))) {
            markPodsNotReady(name, now);
        }
        return result;
    }

    /**
     * Upstream marks pods not ready once, when it flips the node; doing it whenever the node is
     * Unknown and a pod still claims Ready also covers a restart between the two writes.
     */
    private void markPodsNotReady(String nodeName, Instant now) {
        KubernetesClientException failure = null;
        for (Pod pod : pods.byIndex(StoreIndex.PODS_BY_NODE, nodeName)) {
            if (!Pods.isReady(pod)) {
                continue;
            }
            try {
                writer.markPodNotReady(pod, Times.format(now));
                events.warning(pod, "NodeNotReady", "Node is not ready");
            } catch (KubernetesClientException e) {
                if (!ApiErrors.isNotFound(e)) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void nodeEvent(Node node, String reason, String text) {
        events.normal(node, reason, "Node " + node.getMetadata().getName() + " event: " + text);
    }
}
