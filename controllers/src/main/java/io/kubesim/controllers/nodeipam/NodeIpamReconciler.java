package io.kubesim.controllers.nodeipam;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.controllers.runtime.Reconciler;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.EventSink;
import io.kubesim.controllers.support.ObjectStore;

/**
 * Gives every node a pod CIDR from the cluster CIDR (key: node name), as upstream's range
 * allocator: the allocation map is rebuilt from the nodes' existing {@code spec.podCIDR}s before
 * the first assignment, a node keeps the CIDR it has, a deleted node's CIDR is released, and a
 * full cluster CIDR is reported as {@code CIDRNotAvailable}, a failed write as
 * {@code CIDRAssignmentFailed}. Thread-safe.
 */
final class NodeIpamReconciler implements Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(NodeIpamReconciler.class);
    /** How often a node waits for a CIDR to be freed when the cluster CIDR is full. */
    static final Duration FULL_RETRY = Duration.ofSeconds(10);

    private record Assignment(String nodeUid, String cidr) {
    }

    private final ObjectStore<Node> nodes;
    private final CidrSet cidrs;
    private final NodeCidrWriter writer;
    private final EventSink events;
    private final Map<String, Assignment> assigned = new ConcurrentHashMap<>();
    private volatile boolean initialized;

    NodeIpamReconciler(ObjectStore<Node> nodes, CidrSet cidrs, NodeCidrWriter writer, EventSink events) {
        this.nodes = nodes;
        this.cidrs = cidrs;
        this.writer = writer;
        this.events = events;
    }

    @Override
    public Result reconcile(String name) {
        occupyExisting();
        Node node = nodes.get(null, name);
        Assignment previous = assigned.get(name);
        if (node == null || (previous != null && !previous.nodeUid().equals(node.getMetadata().getUid()))) {
            if (previous != null && assigned.remove(name, previous) && !isHeldByOther(name, previous.cidr())) {
                cidrs.release(previous.cidr());
            }
            if (node == null) {
                return Result.DONE;
            }
            previous = null;
        }
        String existing = podCidr(node);
        if (existing != null) {
            if (previous == null) {
                cidrs.occupy(existing);
                assigned.put(name, new Assignment(node.getMetadata().getUid(), existing));
            }
            return Result.DONE;
        }
        if (previous != null) {
            // our write has not reached the cache yet
            return Result.DONE;
        }
        var cidr = cidrs.allocateNext();
        if (cidr.isEmpty()) {
            events.normal(node, "CIDRNotAvailable", "Node " + name + " status is now: CIDRNotAvailable");
            return Result.requeueAfter(FULL_RETRY);
        }
        try {
            writer.setPodCidr(node, cidr.get());
        } catch (KubernetesClientException e) {
            events.normal(node, "CIDRAssignmentFailed",
                    "Node " + name + " status is now: CIDRAssignmentFailed");
            cidrs.release(cidr.get());
            throw e;
        }
        assigned.put(name, new Assignment(node.getMetadata().getUid(), cidr.get()));
        LOG.info("set node {} PodCIDR to {}", name, cidr.get());
        return Result.DONE;
    }

    /** Before the first decision, takes every CIDR already on a node, so a restart never hands one out twice. */
    private void occupyExisting() {
        if (initialized) {
            return;
        }
        synchronized (this) {
            if (initialized) {
                return;
            }
            for (Node n : nodes.list(null)) {
                String cidr = podCidr(n);
                if (cidr != null) {
                    if (cidrs.occupy(cidr)) {
                        assigned.put(n.getMetadata().getName(), new Assignment(n.getMetadata().getUid(), cidr));
                    } else {
                        LOG.warn("node {} has pod CIDR {} outside the cluster CIDR", n.getMetadata().getName(), cidr);
                    }
                }
            }
            initialized = true;
        }
    }

    private boolean isHeldByOther(String name, String cidr) {
        return assigned.entrySet().stream().anyMatch(e -> !e.getKey().equals(name) && e.getValue().cidr().equals(cidr));
    }

    private static String podCidr(Node node) {
        if (node.getSpec() == null) {
            return null;
        }
        List<String> many = node.getSpec().getPodCIDRs();
        if (many != null && !many.isEmpty()) {
            return many.get(0);
        }
        String one = node.getSpec().getPodCIDR();
        return one == null || one.isEmpty() ? null : one;
    }
}
