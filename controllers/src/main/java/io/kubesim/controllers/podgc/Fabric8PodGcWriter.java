package io.kubesim.controllers.podgc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubesim.controllers.support.ApiErrors;
import io.kubesim.controllers.support.Pods;

/** {@link PodGcWriter} over the Fabric8 client. Thread-safe. */
final class Fabric8PodGcWriter implements PodGcWriter {

    private final KubernetesClient client;

    Fabric8PodGcWriter(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public void failAndForceDelete(Pod pod, PodCondition condition) {
        var resource = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName());
        try {
            if (!Pods.isTerminal(pod)) {
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("phase", "Failed");
                if (condition != null) {
                    status.put("conditions", List.of(condition));
                }
                resource.subresource("status").patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
                        client.getKubernetesSerialization().asJson(Map.of("status", status)));
            }
            resource.withGracePeriod(0).delete();
        } catch (KubernetesClientException e) {
            if (!ApiErrors.isNotFound(e)) {
                throw e;
            }
        }
    }

    @Override
    public boolean nodeExists(String name) {
        return client.nodes().withName(name).get() != null;
    }
}
