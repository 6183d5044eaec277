package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.testing.FakeApi;

/** {@link DeploymentWriter} over a {@link FakeApi}. */
final class ApiDeploymentWriter implements DeploymentWriter {

    private final FakeApi api;

    ApiDeploymentWriter(FakeApi api) {
        this.api = api;
    }

    @Override
    public ReplicaSet createReplicaSet(ReplicaSet rs) {
        return api.create(rs);
    }

    @Override
    public ReplicaSet updateReplicaSet(ReplicaSet rs) {
        return api.update(rs);
    }

    @Override
    public boolean deleteReplicaSet(String namespace, String name) {
        return api.delete("ReplicaSet", namespace, name);
    }

    @Override
    public Deployment updateStatus(Deployment d) {
        return api.updateStatus(d);
    }

    @Override
    public Deployment setRevisionAnnotation(Deployment d, String revision) {
        // A merge patch: no resourceVersion precondition.
        Deployment current = api.get(d);
        Revisions.annotations(current.getMetadata()).put(Revisions.REVISION, revision);
        return api.update(current);
    }

    @Override
    public Deployment get(String namespace, String name) {
        return api.deployments.get(namespace, name);
    }
}
