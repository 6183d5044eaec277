package io.kubesim.controllers.deployment;

import java.util.Map;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** {@link DeploymentWriter} through the Fabric8 client. Thread-safe. */
final class Fabric8DeploymentWriter implements DeploymentWriter {

    private final KubernetesClient client;
    private final KubernetesSerialization json;

    Fabric8DeploymentWriter(KubernetesClient client) {
        this.client = client;
        this.json = client.getKubernetesSerialization();
    }

    @Override
    public ReplicaSet createReplicaSet(ReplicaSet rs) {
        return client.apps().replicaSets().inNamespace(rs.getMetadata().getNamespace()).resource(rs).create();
    }

    @Override
    public ReplicaSet updateReplicaSet(ReplicaSet rs) {
        return client.apps().replicaSets().inNamespace(rs.getMetadata().getNamespace()).resource(rs).update();
    }

    @Override
    public boolean deleteReplicaSet(String namespace, String name) {
        return !client.apps().replicaSets().inNamespace(namespace).withName(name).delete().isEmpty();
    }

    @Override
    public Deployment updateStatus(Deployment d) {
        return client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d).updateStatus();
    }

    @Override
    public Deployment setRevisionAnnotation(Deployment d, String revision) {
        String patch = json.asJson(Map.of("metadata", Map.of("annotations", Map.of(Revisions.REVISION, revision))));
        return client.apps().deployments().inNamespace(d.getMetadata().getNamespace())
                .withName(d.getMetadata().getName()).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }

    @Override
    public Deployment get(String namespace, String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get();
    }
}
