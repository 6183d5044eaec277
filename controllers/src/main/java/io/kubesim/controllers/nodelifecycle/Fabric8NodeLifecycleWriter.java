package io.kubesim.controllers.nodelifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * {@link NodeLifecycleWriter} and {@link EvictionWriter} over the Fabric8 client. Node writes carry
 * the cached resourceVersion; pod condition changes are strategic-merge patches of
 * {@code status.conditions} (merged by type), so they never clobber the kubelet's status.
 * Thread-safe.
 */
final class Fabric8NodeLifecycleWriter implements NodeLifecycleWriter, EvictionWriter {

    private final KubernetesClient client;

    Fabric8NodeLifecycleWriter(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Node updateConditions(Node node, List<NodeCondition> conditions) {
        Node copy = new NodeBuilder(node).editOrNewStatus().withConditions(conditions).endStatus().build();
        return client.nodes().resource(copy).updateStatus();
    }

    @Override
    public void updateTaints(Node node, List<Taint> taints) {
        Map<String, Object> metadata = Map.of("resourceVersion", node.getMetadata().getResourceVersion());
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("metadata", metadata);
        patch.put("spec", Map.of("taints", taints));
        client.nodes().withName(node.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization().asJson(patch));
    }

    @Override
    public void markPodNotReady(Pod pod, String transitionTime) {
        patchCondition(pod, Map.of("type", "Ready", "status", "False", "lastTransitionTime", transitionTime));
    }

    @Override
    public void evict(Pod pod, String transitionTime) {
        patchCondition(pod, Map.of("type", "DisruptionTarget", "status", "True", "reason", "DeletionByTaintManager",
                "message", "Taint manager: deleting due to NoExecute taint", "lastTransitionTime", transitionTime));
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).delete();
    }

    private void patchCondition(Pod pod, Map<String, Object> condition) {
        String patch = client.getKubernetesSerialization().asJson(
                Map.of("status", Map.of("conditions", List.of(condition))));
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .subresource("status").patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch);
    }
}
