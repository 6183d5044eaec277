package io.kubesim.nodeagent.node;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubesim.controllers.runtime.ComponentMetrics;
import io.kubesim.controllers.runtime.EventRecorder;
import io.kubesim.nodeagent.lifecycle.StageEngine;
import io.kubesim.nodeagent.lifecycle.StagePlayer;

/**
 * Everything about this agent's Node objects: a node informer, registration at start,
 * heartbeats, and the node stages. A managed node deleted while the agent runs is registered
 * again (a kubesim convenience; a real kubelet only registers at start). Listeners hear about
 * every add or update of a managed node (the pod side needs pod CIDRs). Start once, close once;
 * thread-safe.
 */
public final class NodeLifecycle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeLifecycle.class);

    private final Map<String, SimulatedNode> nodes = new LinkedHashMap<>();
    private final SharedIndexInformer<Node> informer;
    private final NodeRegistrar registrar;
    private final LeaseHeartbeat heartbeat;
    private final StagePlayer<Node> player;
    private final Consumer<Node> listener;

    /**
     * @param listener called (on an informer thread, must not block) for each add or update of a managed node
     */
    public NodeLifecycle(KubernetesClient client, List<SimulatedNode> simulated, NodeObjects objects,
                         StageEngine stages, Map<String, EventRecorder> recorders, Duration leaseInterval,
                         Duration statusInterval, Clock clock, RandomGenerator random, ComponentMetrics metrics,
                         Consumer<Node> listener) {
        simulated.forEach(n -> nodes.put(n.name(), n));
        this.listener = listener;
        this.informer = client.nodes().runnableInformer(0);
        this.registrar = new NodeRegistrar(client, objects, recorders);
        this.heartbeat = new LeaseHeartbeat(client, clock, leaseInterval, statusInterval, this::node);
        this.player = new StagePlayer<>(stages, new NodeStageTarget(client, nodes, this::node, recorders, clock), 2,
                clock, random, metrics);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Node node) {
                changed(node);
            }

            @Override
            public void onUpdate(Node oldNode, Node node) {
                changed(node);
            }

            @Override
            public void onDelete(Node node, boolean finalStateUnknown) {
                deleted(node);
            }
        });
    }

    /** The managed nodes by name. */
    public Map<String, SimulatedNode> nodes() {
        return Map.copyOf(nodes);
    }

    /** The cached Node of a managed node, or null. */
    public Node node(String name) {
        return nodes.containsKey(name) ? informer.getIndexer().getByKey(name) : null;
    }

    /** Syncs the cache, registers every node, and starts heartbeats and stages; blocks until registered. */
    public void start(Duration timeout) throws Exception {
        informer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        player.start();
        for (SimulatedNode n : nodes.values()) {
            Node stored = registrar.register(n);
            heartbeat.start(n.name(), stored.getMetadata().getUid());
        }
    }

    private void changed(Node node) {
        if (!nodes.containsKey(node.getMetadata().getName())) {
            return;
        }
        player.observe(node);
        listener.accept(node);
    }

    private void deleted(Node node) {
        String name = node.getMetadata().getName();
        SimulatedNode n = nodes.get(name);
        if (n == null) {
            return;
        }
        player.forget(name);
        LOG.info("node {} was deleted, registering it again", name);
        heartbeat.submit(() -> {
            try {
                registrar.register(n);
            } catch (RuntimeException e) {
                LOG.warn("cannot register node {} again: {}", name, e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        heartbeat.close();
        player.close();
        informer.close();
    }
}
