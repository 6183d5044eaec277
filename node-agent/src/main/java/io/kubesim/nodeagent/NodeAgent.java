package io.kubesim.nodeagent;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubesim.controllers.runtime.Clients;
import io.kubesim.controllers.runtime.ComponentMetrics;
import io.kubesim.controllers.runtime.EventRecorder;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.runtime.MetricsServer;
import io.kubesim.nodeagent.lifecycle.Stage;
import io.kubesim.nodeagent.lifecycle.StageEngine;
import io.kubesim.nodeagent.lifecycle.StageLoader;
import io.kubesim.nodeagent.logs.LogServer;
import io.kubesim.nodeagent.node.NodeLayout;
import io.kubesim.nodeagent.node.NodeLifecycle;
import io.kubesim.nodeagent.node.NodeObjects;
import io.kubesim.nodeagent.node.SimulatedNode;
import io.kubesim.nodeagent.pods.MirrorPods;
import io.kubesim.nodeagent.pods.PodLifecycle;

/**
 * A running node agent: the simulated nodes of one {@link AgentConfig}, wired together. It
 * serves the log endpoint first (its port is advertised at registration), syncs the node and pod
 * caches, registers the nodes and starts their heartbeats, then plays node and pod stages and
 * keeps the control plane's mirror pods. {@link #close} stops everything without deleting any
 * Node (a stopped kubelet leaves its Node behind; the node lifecycle controller notices the stale
 * Lease). Thread-safe to close once from any thread.
 */
public final class NodeAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(60);
    private static final String LOOPBACK = "127.0.0.1";

    private final KubernetesClient client;
    private final ComponentMetrics metrics = new ComponentMetrics();
    private final List<SimulatedNode> nodes;
    private final Map<String, EventRecorder> recorders = new LinkedHashMap<>();
    private final List<AutoCloseable> started = new ArrayList<>();
    private LogServer logs;
    private MetricsServer metricsServer;
    private PodLifecycle pods;
    private volatile NodeLifecycle nodeLifecycle;
    private MirrorPods mirrors;

    private NodeAgent(KubernetesClient client, List<SimulatedNode> nodes) {
        this.client = client;
        this.nodes = nodes;
    }

    /**
     * Starts an agent; blocks until its nodes are registered.
     *
     * @throws Exception when the API server cannot be reached, the stages are invalid or a port is taken
     */
    public static NodeAgent start(AgentConfig config) throws Exception {
        NodeAgent agent = new NodeAgent(Clients.fromKubeconfig(config.kubeconfig()),
                NodeLayout.layout(config.nodes()));
        try {
            agent.run(config, Clock.systemUTC());
            return agent;
        } catch (Exception | Error e) {
            agent.close();
            throw e;
        }
    }

    private void run(AgentConfig config, Clock clock) throws Exception {
        Random random = config.seed() == null ? new Random() : new Random(config.seed());
        StageLoader loader = new StageLoader(Map.of("failImagePattern", config.failImagePattern()));
        List<Stage> custom = config.stagesDir() == null ? List.of() : loader.directory(config.stagesDir());
        StageEngine podStages = new StageEngine(stages(loader, custom, "Pod"));
        StageEngine nodeStages = new StageEngine(stages(loader, custom, "Node"));
        Map<String, SimulatedNode> byName = new LinkedHashMap<>();
        for (SimulatedNode n : nodes) {
            byName.put(n.name(), n);
            recorders.put(n.name(), new EventRecorder(client, "kubelet", n.name(), clock));
        }

        pods = new PodLifecycle(client, byName, podStages, recorders, config.workers(), clock, random, metrics);
        started.add(pods);
        logs = new LogServer(LOOPBACK, config.logsPort(), pods::pod, clock, Duration.ofSeconds(1));
        started.add(logs);
        List<SimulatedNode> controlPlane = nodes.stream().filter(SimulatedNode::controlPlane).toList();
        if (!controlPlane.isEmpty()) {
            mirrors = new MirrorPods(client, controlPlane, name -> nodeLifecycle.node(name),
                    key -> pods.pod(Keys.namespace(key), Keys.name(key)).orElse(null), clock, metrics);
            started.add(mirrors);
            pods.informer().addEventHandler(mirrorHandler(mirrors));
        }
        NodeObjects objects = new NodeObjects(config.nodes(), logs.port(), UUID.randomUUID().toString());
        nodeLifecycle = new NodeLifecycle(client, nodes, objects, nodeStages, recorders, config.leaseInterval(),
                config.statusInterval(), clock, random, metrics, this::nodeChanged);
        started.add(nodeLifecycle);
        metricsServer = new MetricsServer(LOOPBACK, config.metricsPort(), metrics, () -> pods != null);
        started.add(metricsServer);

        pods.start(SYNC_TIMEOUT);
        nodeLifecycle.start(SYNC_TIMEOUT);
        if (mirrors != null) {
            mirrors.start();
            controlPlane.forEach(n -> {
                Node node = nodeLifecycle.node(n.name());
                if (node != null) {
                    mirrors.nodeChanged(node);
                }
            });
        }
        LOG.info("node agent running {} nodes ({}), logs on {}:{}, metrics on {}:{}", nodes.size(),
                nodes.stream().map(SimulatedNode::name).toList(), LOOPBACK, logs.port(), LOOPBACK,
                metricsServer.port());
    }

    /** Passes a managed node's add or update on to the pod side; runs on an informer thread. */
    private void nodeChanged(Node node) {
        pods.nodeChanged(node);
        if (mirrors != null) {
            mirrors.nodeChanged(node);
        }
    }

    /** The built-in stages of {@code kind}, unless the custom stages define that kind. */
    private static List<Stage> stages(StageLoader loader, List<Stage> custom, String kind) {
        List<Stage> mine = custom.stream().filter(s -> s.kind().equals(kind)).toList();
        return mine.isEmpty() ? loader.defaults(kind.toLowerCase(Locale.ROOT)) : mine;
    }

    private static ResourceEventHandler<Pod> mirrorHandler(MirrorPods mirrors) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                mirrors.podChanged(pod);
            }

            @Override
            public void onUpdate(Pod oldPod, Pod pod) {
                mirrors.podChanged(pod);
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                mirrors.podChanged(pod);
            }
        };
    }

    /** The names of the simulated nodes. */
    public List<String> nodeNames() {
        return nodes.stream().map(SimulatedNode::name).toList();
    }

    /** The port of the log endpoint. */
    public int logsPort() {
        return logs.port();
    }

    /** The port of /metrics. */
    public int metricsPort() {
        return metricsServer.port();
    }

    /** The component's meters (for tests and embedding). */
    public ComponentMetrics metrics() {
        return metrics;
    }

    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}", started.get(i).getClass().getSimpleName(), e);
            }
        }
        started.clear();
        recorders.values().forEach(EventRecorder::close);
        recorders.clear();
        client.close();
        metrics.close();
    }
}
