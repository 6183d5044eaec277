package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.testing.FakeApi;

/** {@link ReplicaSetWriter} over a {@link FakeApi}. */
class ApiReplicaSetWriter implements ReplicaSetWriter {

    private final FakeApi api;

    ApiReplicaSetWriter(FakeApi api) {
        this.api = api;
    }

    @Override
    public Pod createPod(Pod pod) {
        return api.create(pod);
    }

    @Override
    public boolean deletePod(String namespace, String name) {
        return api.delete("Pod", namespace, name);
    }

    @Override
    public Pod updatePod(Pod pod) {
        return api.update(pod);
    }

    @Override
    public ReplicaSet updateStatus(ReplicaSet rs) {
        return api.updateStatus(rs);
    }

    @Override
    public ReplicaSet get(String namespace, String name) {
        return api.replicaSets.get(namespace, name);
    }
}
