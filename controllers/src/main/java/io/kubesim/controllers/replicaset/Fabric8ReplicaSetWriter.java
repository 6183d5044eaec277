package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;

/** {@link ReplicaSetWriter} through the Fabric8 client. Thread-safe. */
final class Fabric8ReplicaSetWriter implements ReplicaSetWriter {

    private final KubernetesClient client;

    Fabric8ReplicaSetWriter(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Pod createPod(Pod pod) {
        return client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
    }

    @Override
    public boolean deletePod(String namespace, String name) {
        return !client.pods().inNamespace(namespace).withName(name).delete().isEmpty();
    }

    @Override
    public Pod updatePod(Pod pod) {
        return client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).update();
    }

    @Override
    public ReplicaSet updateStatus(ReplicaSet rs) {
        return client.apps().replicaSets().inNamespace(rs.getMetadata().getNamespace()).resource(rs).updateStatus();
    }

    @Override
    public ReplicaSet get(String namespace, String name) {
        return client.apps().replicaSets().inNamespace(namespace).withName(name).get();
    }
}
