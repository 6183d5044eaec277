package io.kubesim.controllers.statefulset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.kubesim.controllers.testing.FakeApi;

/** {@link StatefulSetWriter} over a {@link FakeApi}. */
final class ApiStatefulSetWriter implements StatefulSetWriter {

    private final FakeApi api;

    ApiStatefulSetWriter(FakeApi api) {
        this.api = api;
    }

    @Override
    public Pod createPod(Pod pod) {
        return api.create(pod);
    }

    @Override
    public Pod updatePod(Pod pod) {
        return api.update(pod);
    }

    @Override
    public boolean deletePod(String namespace, String name) {
        return api.delete("Pod", namespace, name);
    }

    @Override
    public StatefulSet updateStatus(StatefulSet set) {
        return api.updateStatus(set);
    }

    @Override
    public StatefulSet get(String namespace, String name) {
        return api.statefulSets.get(namespace, name);
    }
}
