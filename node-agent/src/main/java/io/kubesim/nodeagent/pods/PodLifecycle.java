package io.kubesim.nodeagent.pods;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubesim.controllers.runtime.ComponentMetrics;
import io.kubesim.controllers.runtime.EventRecorder;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.nodeagent.lifecycle.StageEngine;
import io.kubesim.nodeagent.lifecycle.StagePlayer;
import io.kubesim.nodeagent.node.SimulatedNode;

/**
 * The pods of this agent's nodes. One informer watches every bound pod
 * ({@code fieldSelector=spec.nodeName!=}) with an index by node name, rather than one watch per
 * node: a single watch stream and cache scale to 100 nodes and thousands of pods, and the server
 * already drops unbound pods; pods bound to nodes of other agents are ignored by the handlers.
 * Every add or update of a managed pod goes to the pod {@link StagePlayer}; deletions release the
 * pod's IP. When a node gets its pod CIDR, its pods are re-evaluated at once (stages that need a
 * pod IP wait for it). Thread-safe; start once, close once.
 */
public final class PodLifecycle implements AutoCloseable {

    /** Index of the informer: pods by {@code spec.nodeName}. */
    public static final String BY_NODE = "byNode";

    private final Map<String, SimulatedNode> nodes;
    private final SharedIndexInformer<Pod> informer;
    private final PodIpam ipam = new PodIpam();
    private final PodMetrics metrics;
    private final StagePlayer<Pod> player;

    public PodLifecycle(KubernetesClient client, Map<String, SimulatedNode> nodes, StageEngine stages,
                        Map<String, EventRecorder> recorders, int workers, Clock clock, RandomGenerator random,
                        ComponentMetrics componentMetrics) {
        this.nodes = Map.copyOf(nodes);
        this.metrics = new PodMetrics(componentMetrics, clock);
        this.informer = client.pods().inAnyNamespace().withoutField("spec.nodeName", "").runnableInformer(0)
                .addIndexers(Map.of(BY_NODE, p -> List.of(nodeOf(p))));
        this.player = new StagePlayer<>(stages, new PodStageTarget(client, nodes, this::cached, recorders, ipam,
                metrics, clock), workers, clock, random, componentMetrics);
        for (String node : nodes.keySet()) {
            metrics.runningPods(node, () -> podsOn(node).stream()
                    .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase())).count());
        }
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                changed(pod);
            }

            @Override
            public void onUpdate(Pod oldPod, Pod pod) {
                changed(pod);
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                deleted(pod);
            }
        });
    }

    private static String nodeOf(Pod pod) {
        return pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "" : pod.getSpec().getNodeName();
    }

    /** The shared informer, for components that react to the same pods (mirror pods). */
    public SharedIndexInformer<Pod> informer() {
        return informer;
    }

    public PodMetrics metrics() {
        return metrics;
    }

    /** Whether {@code pod} is bound to one of this agent's nodes. */
    public boolean managed(Pod pod) {
        return nodes.containsKey(nodeOf(pod));
    }

    /** The cached pod {@code namespace/name} if it is on one of this agent's nodes. */
    public Optional<Pod> pod(String namespace, String name) {
        Pod pod = cached(Keys.of(namespace, name));
        return pod != null && managed(pod) ? Optional.of(pod) : Optional.empty();
    }

    /** The cached pods bound to {@code node}. */
    public List<Pod> podsOn(String node) {
        return informer.getIndexer().byIndex(BY_NODE, node);
    }

    private Pod cached(String key) {
        return informer.getIndexer().getByKey(key);
    }

    /**
     * Takes note of a managed node's state: once it has a pod CIDR, its pods can get IPs, so they
     * are re-evaluated. Called on informer threads; does not block.
     */
    public void nodeChanged(Node node) {
        String name = node.getMetadata().getName();
        String cidr = node.getSpec() == null ? null : node.getSpec().getPodCIDR();
        List<Pod> pods = podsOn(name);
        Map<String, String> existing = new HashMap<>();
        for (Pod pod : pods) {
            if (podIp(pod) != null) {
                existing.put(pod.getMetadata().getUid(), podIp(pod));
            }
        }
        if (ipam.podCidr(name, cidr, existing)) {
            pods.forEach(player::observe);
        }
    }

    /** Starts the informer and the stage workers; blocks until the cache is synced. */
    public void start(Duration timeout) throws Exception {
        player.start();
        informer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void changed(Pod pod) {
        if (!managed(pod)) {
            return;
        }
        metrics.seen(pod.getMetadata().getUid());
        reserveIp(pod);
        player.observe(pod);
    }

    private void reserveIp(Pod pod) {
        String ip = podIp(pod);
        if (ip != null) {
            ipam.reserve(nodeOf(pod), pod.getMetadata().getUid(), ip);
        }
    }

    /** The pod IP a pod holds from its node's range, or null (none yet, or host network). */
    private static String podIp(Pod pod) {
        if (pod.getStatus() == null || Boolean.TRUE.equals(pod.getSpec().getHostNetwork())) {
            return null;
        }
        return pod.getStatus().getPodIP();
    }

    private void deleted(Pod pod) {
        if (!managed(pod)) {
            return;
        }
        player.forget(Keys.of(pod));
        ipam.release(pod.getMetadata().getUid());
        metrics.forget(pod.getMetadata().getUid());
    }

    @Override
    public void close() {
        player.close();
        informer.close();
    }
}
