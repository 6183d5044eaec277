package io.kubesim.controllers.daemonset;

import java.util.Map;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/** {@link DaemonSetWriter} over the Fabric8 client. Thread-safe. */
final class Fabric8DaemonSetWriter implements DaemonSetWriter {

    private final KubernetesClient client;

    Fabric8DaemonSetWriter(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Pod createPod(Pod pod) {
        return client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
    }

    @Override
    public void deletePod(Pod pod) {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).delete();
    }

    @Override
    public void updateStatus(DaemonSet ds, DaemonSetStatus status) {
        // A merge patch of status alone: no resourceVersion to go stale, and counters are
        // recomputed from scratch on every pass anyway.
        String patch = client.getKubernetesSerialization().asJson(Map.of("status", status));
        client.apps().daemonSets().inNamespace(ds.getMetadata().getNamespace()).withName(ds.getMetadata().getName())
                .subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }
}
