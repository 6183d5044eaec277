package io.kubesim.nodeagent.node;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubesim.controllers.runtime.EventRecorder;

/**
 * Registers simulated nodes as a kubelet does at start: creates the Node, or, when it exists
 * (the agent restarted), brings its labels, annotations and registration status up to date while
 * leaving conditions, taints and the pod CIDR alone. Records the kubelet's start-up events on the
 * node. Thread-safe.
 */
public final class NodeRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(NodeRegistrar.class);

    private final KubernetesClient client;
    private final NodeObjects objects;
    private final Map<String, EventRecorder> recorders;
    private final KubernetesSerialization json;

    public NodeRegistrar(KubernetesClient client, NodeObjects objects, Map<String, EventRecorder> recorders) {
        this.client = client;
        this.objects = objects;
        this.recorders = Map.copyOf(recorders);
        this.json = client.getKubernetesSerialization();
    }

    /**
     * Registers {@code n} and returns the Node as stored (with its UID).
     *
     * @throws KubernetesClientException when the API server refuses
     */
    public Node register(SimulatedNode n) {
        Node desired = objects.node(n);
        Node stored;
        try {
            stored = client.nodes().resource(desired).create();
            LOG.info("registered node {}", n.name());
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            stored = update(n, desired);
            LOG.info("node {} already registered, updated it", n.name());
        }
        EventRecorder events = recorders.get(n.name());
        Node ref = reference(n.name());
        events.normal(ref, "Starting", "Starting kubelet.");
        events.normal(ref, "NodeAllocatableEnforced", "Updated Node Allocatable limit across pods");
        return stored;
    }

    private Node update(SimulatedNode n, Node desired) {
        String metadata = "{\"metadata\":{\"labels\":" + json.asJson(desired.getMetadata().getLabels())
                + ",\"annotations\":" + json.asJson(desired.getMetadata().getAnnotations()) + "}}";
        client.nodes().withName(n.name()).patch(PatchContext.of(PatchType.JSON_MERGE), metadata);
        return client.nodes().withName(n.name()).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"status\":" + json.asJson(desired.getStatus()) + "}");
    }

    /**
     * The object kubelet events about a node refer to: kind Node, the node's name, and, as
     * kubelets do, the node name as UID (kubectl describe node looks for both UIDs).
     */
    public static Node reference(String nodeName) {
        Node ref = new NodeBuilder().withNewMetadata().withName(nodeName).withUid(nodeName).endMetadata().build();
        ref.setApiVersion(null);
        return ref;
    }
}
