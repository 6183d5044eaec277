package io.kubesim.nodeagent.pods;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubesim.controllers.runtime.EventRecorder;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.nodeagent.lifecycle.Stage;
import io.kubesim.nodeagent.lifecycle.StageOutcome;
import io.kubesim.nodeagent.lifecycle.StageOutcome.RecordedEvent;
import io.kubesim.nodeagent.lifecycle.StageTarget;
import io.kubesim.nodeagent.lifecycle.Tokens;
import io.kubesim.nodeagent.node.SimulatedNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pod stages on the pods bound to this agent's nodes. A stage's status goes to
 * {@code pods/status} as a JSON merge patch with the pod's resource version as precondition (so a
 * stage chosen on stale state fails with 409 instead of overwriting newer state); only then are
 * its events recorded, as the pod's node's kubelet; finalizers are removed with a merge patch;
 * deletion is the kubelet's (grace period 0, UID precondition). Writes go through
 * {@code resource(pod)}, not {@code withName}, because Fabric8 GETs the object before a patch by
 * name, doubling the requests. Thread-safe.
 */
public final class PodStageTarget implements StageTarget<Pod> {

    private final KubernetesClient client;
    private final Map<String, SimulatedNode> nodes;
    private final Function<String, Pod> cache;
    private final Map<String, EventRecorder> recorders;
    private final PodIpam ipam;
    private final PodMetrics metrics;
    private final PodDeleter deleter;
    private final Clock clock;

    /**
     * @param cache the current pod by {@code namespace/name}
     */
    public PodStageTarget(KubernetesClient client, Map<String, SimulatedNode> nodes, Function<String, Pod> cache,
                          Map<String, EventRecorder> recorders, PodIpam ipam, PodMetrics metrics, Clock clock) {
        this.client = client;
        this.nodes = Map.copyOf(nodes);
        this.cache = cache;
        this.recorders = Map.copyOf(recorders);
        this.ipam = ipam;
        this.metrics = metrics;
        this.deleter = new PodDeleter(client);
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "Pod";
    }

    @Override
    public String key(Pod pod) {
        return Keys.of(pod);
    }

    @Override
    public Pod get(String key) {
        Pod pod = cache.apply(key);
        return pod != null && nodes.containsKey(pod.getSpec().getNodeName()) ? pod : null;
    }

    @Override
    public ObjectNode tree(Pod pod) {
        return client.getKubernetesSerialization().convertValue(pod, ObjectNode.class);
    }

    @Override
    public Tokens tokens(Pod pod, ObjectNode tree, Duration waited) {
        String node = pod.getSpec().getNodeName();
        return new PodTokens(tree, nodes.get(node).internalIp(),
                () -> ipam.allocate(node, pod.getMetadata().getUid()), clock.instant(), waited);
    }

    @Override
    public void apply(Pod pod, Stage stage, StageOutcome outcome) {
        String namespace = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        if (!outcome.statusPatch().isEmpty()) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putObject("metadata").put("resourceVersion", pod.getMetadata().getResourceVersion());
            body.set("status", outcome.statusPatch());
            client.pods().inNamespace(namespace).resource(pod).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), body.toString());
        }
        EventRecorder recorder = recorders.get(pod.getSpec().getNodeName());
        for (RecordedEvent e : outcome.events()) {
            recorder.record(pod, e.fieldPath(), e.type(), e.reason(), e.message());
        }
        if (outcome.removeFinalizers()) {
            client.pods().inNamespace(namespace).resource(pod)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
        }
        if (outcome.delete()) {
            deleter.delete(namespace, name, pod.getMetadata().getUid());
        }
        String phase = outcome.object().path("status").path("phase").asString("");
        boolean wasRunning = pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
        if (phase.equals("Running") && !wasRunning) {
            metrics.started(pod.getMetadata().getUid());
        }
    }
}
