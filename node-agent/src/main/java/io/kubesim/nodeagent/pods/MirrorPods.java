package io.kubesim.nodeagent.pods;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubesim.controllers.runtime.ComponentMetrics;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.runtime.Reconciler;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.nodeagent.node.SimulatedNode;
import io.kubesim.nodeagent.pods.MirrorPodTemplates.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the mirror pods of the control-plane node's static pods in place, as its kubelet does: a
 * missing mirror pod is created and reported Running; one being deleted, or left over from an
 * earlier Node object, is deleted for good and then recreated. Reconciles keyed by pod; handlers
 * only enqueue. Thread-safe; start once, close once.
 */
public final class MirrorPods implements Reconciler, AutoCloseable {

    private record Desired(Component component, SimulatedNode node) {
    }

    private final KubernetesClient client;
    private final Function<String, Node> nodes;
    private final Function<String, Pod> pods;
    private final PodDeleter deleter;
    private final Instant started;
    private final Map<String, Desired> desired = new LinkedHashMap<>();
    private final Controller controller;

    /**
     * @param controlPlane the control-plane nodes (usually one)
     * @param nodes        the cached Node by name
     * @param pods         the cached pod by {@code namespace/name}
     */
    public MirrorPods(KubernetesClient client, List<SimulatedNode> controlPlane, Function<String, Node> nodes,
                      Function<String, Pod> pods, Clock clock, ComponentMetrics metrics) {
        this.client = client;
        this.nodes = nodes;
        this.pods = pods;
        this.deleter = new PodDeleter(client);
        this.started = clock.instant();
        for (SimulatedNode n : controlPlane) {
            for (Component c : MirrorPodTemplates.components(n)) {
                desired.put(Keys.of(MirrorPodTemplates.NAMESPACE, MirrorPodTemplates.name(c, n)), new Desired(c, n));
            }
        }
        this.controller = new Controller("mirror-pods", this, 1, metrics);
    }

    /** Enqueues the mirror pod {@code pod} if it is one of ours. Never blocks. */
    public void podChanged(Pod pod) {
        String key = Keys.of(pod);
        if (desired.containsKey(key)) {
            controller.enqueue(key);
        }
    }

    /** Enqueues the mirror pods of {@code node} if it is one of our control-plane nodes. Never blocks. */
    public void nodeChanged(Node node) {
        desired.forEach((key, d) -> {
            if (d.node().name().equals(node.getMetadata().getName())) {
                controller.enqueue(key);
            }
        });
    }

    public void start() {
        controller.start();
    }

    @Override
    public Result reconcile(String key) {
        Desired d = desired.get(key);
        if (d == null) {
            return Result.DONE;
        }
        Node node = nodes.apply(d.node().name());
        if (node == null) {
            return Result.requeueAfter(Duration.ofSeconds(1));
        }
        String nodeUid = node.getMetadata().getUid();
        Pod pod = pods.apply(key);
        String namespace = Keys.namespace(key);
        String name = Keys.name(key);
        if (pod != null && (pod.getMetadata().getDeletionTimestamp() != null || !ownedBy(pod, nodeUid))) {
            deleter.delete(namespace, name, pod.getMetadata().getUid());
            return Result.DONE;
        }
        if (pod == null) {
            client.pods().inNamespace(namespace).resource(MirrorPodTemplates.pod(d.component(), d.node(), nodeUid,
                    started)).create();
            return Result.DONE;
        }
        if (pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.set("status", MirrorPodTemplates.runningStatus(d.component(), d.node(), pod.getMetadata().getUid(),
                    started));
            client.pods().inNamespace(namespace).resource(pod).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), body.toString());
        }
        return Result.DONE;
    }

    private static boolean ownedBy(Pod pod, String nodeUid) {
        for (OwnerReference ref : pod.getMetadata().getOwnerReferences()) {
            if ("Node".equals(ref.getKind()) && nodeUid.equals(ref.getUid())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        controller.close();
    }
}
