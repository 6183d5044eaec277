package io.kubesim.nodeagent.node;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubesim.nodeagent.lifecycle.Timestamps;

/**
 * A kubelet's two heartbeats for every simulated node: the node's Lease in
 * {@code kube-node-lease} is renewed every lease interval (10 s), and the node's conditions get a
 * fresh {@code lastHeartbeatTime} every status interval (1 min) through a strategic merge patch
 * keyed by condition type. Nodes are spread over the intervals so that 100 nodes do not renew at
 * the same instant. A failed heartbeat is logged and tried again next period; a Lease that
 * disappeared is recreated. Patches name their target with an object rather than
 * {@code withName}, which would make Fabric8 GET it first. Thread-safe.
 */
public final class LeaseHeartbeat implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final KubernetesClient client;
    private final Clock clock;
    private final Duration leaseInterval;
    private final Duration statusInterval;
    private final Function<String, Node> nodes;
    private final ScheduledExecutorService timer;

    /**
     * @param nodes the current Node by name (from the agent's cache), or null when unknown
     */
    public LeaseHeartbeat(KubernetesClient client, Clock clock, Duration leaseInterval, Duration statusInterval,
                          Function<String, Node> nodes) {
        this.client = client;
        this.clock = clock;
        this.leaseInterval = leaseInterval;
        this.statusInterval = statusInterval;
        this.nodes = nodes;
        this.timer = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "node-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /** Creates (or takes over) the node's Lease now and schedules both heartbeats. */
    public void start(String nodeName, String nodeUid) {
        ensureLease(nodeName, nodeUid);
        long leaseMillis = leaseInterval.toMillis();
        long statusMillis = statusInterval.toMillis();
        timer.scheduleAtFixedRate(() -> renew(nodeName), ThreadLocalRandom.current().nextLong(leaseMillis),
                leaseMillis, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(() -> postStatus(nodeName), ThreadLocalRandom.current().nextLong(statusMillis),
                statusMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the heartbeat threads (work that must not block an informer thread). */
    public void submit(Runnable task) {
        timer.execute(task);
    }

    private void ensureLease(String nodeName, String nodeUid) {
        Lease lease = NodeObjects.lease(nodeName, nodeUid, clock.instant());
        try {
            client.resources(Lease.class).inNamespace(NodeObjects.LEASE_NAMESPACE).resource(lease).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            client.resources(Lease.class).inNamespace(NodeObjects.LEASE_NAMESPACE).withName(nodeName)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization().asJson(
                            new LeaseTakeover(lease)));
        }
    }

    /** The parts of a Lease a restarted kubelet overwrites. */
    private record LeaseTakeover(Object metadata, Object spec) {

        LeaseTakeover(Lease lease) {
            this(Map.of("ownerReferences", lease.getMetadata().getOwnerReferences()), lease.getSpec());
        }
    }

    private void renew(String nodeName) {
        try {
            client.resources(Lease.class).inNamespace(NodeObjects.LEASE_NAMESPACE)
                    .resource(NodeObjects.lease(nodeName, "", clock.instant()))
                    .patch(PatchContext.of(PatchType.JSON_MERGE),
                            "{\"spec\":{\"renewTime\":\"" + Timestamps.micros(clock.instant()) + "\"}}");
        } catch (KubernetesClientException e) {
            Node node = nodes.apply(nodeName);
            if (e.getCode() == 404 && node != null) {
                LOG.info("lease of node {} is gone, recreating it", nodeName);
                tryRun(() -> ensureLease(nodeName, node.getMetadata().getUid()), nodeName);
            } else {
                LOG.warn("cannot renew the lease of node {}: {}", nodeName, e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot renew the lease of node {}", nodeName, e);
        }
    }

    /** Posts a status heartbeat for {@code nodeName} now. */
    public void postStatus(String nodeName) {
        Node node = nodes.apply(nodeName);
        if (node == null || node.getStatus() == null || node.getStatus().getConditions() == null
                || node.getStatus().getConditions().isEmpty()) {
            return;
        }
        String now = Timestamps.seconds(clock.instant());
        List<String> conditions = new ArrayList<>();
        for (NodeCondition c : node.getStatus().getConditions()) {
            conditions.add("{\"type\":\"" + c.getType() + "\",\"lastHeartbeatTime\":\"" + now + "\"}");
        }
        tryRun(() -> client.nodes().resource(node).subresource("status").patch(
                PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"status\":{\"conditions\":[" + String.join(",", conditions) + "]}}"), nodeName);
    }

    private static void tryRun(Runnable r, String nodeName) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("heartbeat of node {} failed: {}", nodeName, e.getMessage());
        }
    }

    /** Stops heartbeating; Leases and Nodes stay, as with a stopped kubelet. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
