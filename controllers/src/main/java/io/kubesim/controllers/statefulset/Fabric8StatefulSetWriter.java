package io.kubesim.controllers.statefulset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;

/** {@link StatefulSetWriter} through the Fabric8 client. Thread-safe. */
final class Fabric8StatefulSetWriter implements StatefulSetWriter {

    private final KubernetesClient client;

    Fabric8StatefulSetWriter(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Pod createPod(Pod pod) {
        return client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
    }

    @Override
    public Pod updatePod(Pod pod) {
        return client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).update();
    }

    @Override
    public boolean deletePod(String namespace, String name) {
        return !client.pods().inNamespace(namespace).withName(name).delete().isEmpty();
    }

    @Override
    public StatefulSet updateStatus(StatefulSet set) {
        return client.apps().statefulSets().inNamespace(set.getMetadata().getNamespace()).resource(set)
                .updateStatus();
    }

    @Override
    public StatefulSet get(String namespace, String name) {
        return client.apps().statefulSets().inNamespace(namespace).withName(name).get();
    }
}
