package io.kubesim.nodeagent.node;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubesim.controllers.runtime.EventRecorder;
import io.kubesim.nodeagent.lifecycle.Stage;
import io.kubesim.nodeagent.lifecycle.StageOutcome;
import io.kubesim.nodeagent.lifecycle.StageOutcome.RecordedEvent;
import io.kubesim.nodeagent.lifecycle.StageTarget;
import io.kubesim.nodeagent.lifecycle.Tokens;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Node stages on this agent's nodes: status patches go to {@code nodes/status} with the node's
 * resource version as precondition, events are the kubelet's (source {@code kubelet} on the node,
 * UID = node name). Nodes cannot be deleted or unfinalized by stages. Thread-safe.
 */
public final class NodeStageTarget implements StageTarget<Node> {

    private final KubernetesClient client;
    private final Map<String, SimulatedNode> nodes;
    private final Function<String, Node> cache;
    private final Map<String, EventRecorder> recorders;
    private final Clock clock;

    /**
     * @param cache the current Node by name
     */
    public NodeStageTarget(KubernetesClient client, Map<String, SimulatedNode> nodes, Function<String, Node> cache,
                           Map<String, EventRecorder> recorders, Clock clock) {
        this.client = client;
        this.nodes = Map.copyOf(nodes);
        this.cache = cache;
        this.recorders = Map.copyOf(recorders);
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "Node";
    }

    @Override
    public String key(Node node) {
        return node.getMetadata().getName();
    }

    @Override
    public Node get(String key) {
        return nodes.containsKey(key) ? cache.apply(key) : null;
    }

    @Override
    public ObjectNode tree(Node node) {
        return client.getKubernetesSerialization().convertValue(node, ObjectNode.class);
    }

    @Override
    public Tokens tokens(Node node, ObjectNode tree, Duration waited) {
        String name = node.getMetadata().getName();
        return new NodeTokens(name, nodes.get(name).internalIp(), clock.instant());
    }

    @Override
    public void apply(Node node, Stage stage, StageOutcome outcome) {
        String name = node.getMetadata().getName();
        if (!outcome.statusPatch().isEmpty()) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putObject("metadata").put("resourceVersion", node.getMetadata().getResourceVersion());
            body.set("status", outcome.statusPatch());
            client.nodes().resource(node).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                    body.toString());
        }
        Node ref = NodeRegistrar.reference(name);
        EventRecorder recorder = recorders.get(name);
        for (RecordedEvent e : outcome.events()) {
            recorder.record(ref, e.fieldPath(), e.type(), e.reason(), e.message());
        }
    }
}
