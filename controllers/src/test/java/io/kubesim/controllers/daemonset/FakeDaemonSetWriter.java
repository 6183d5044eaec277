package io.kubesim.controllers.daemonset;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.kubesim.controllers.testing.Fixtures;
import io.kubesim.controllers.testing.MemoryStore;

/** Records the controller's writes; created pods optionally become visible in the pod store (the "watch"). */
final class FakeDaemonSetWriter implements DaemonSetWriter {

    final List<Pod> created = new CopyOnWriteArrayList<>();
    final List<String> deleted = new CopyOnWriteArrayList<>();
    final List<DaemonSetStatus> statuses = new CopyOnWriteArrayList<>();
    private final MemoryStore<Pod> pods;
    private final AtomicInteger sequence = new AtomicInteger();
    boolean visible = true;

    FakeDaemonSetWriter(MemoryStore<Pod> pods) {
        this.pods = pods;
    }

    @Override
    public Pod createPod(Pod pod) {
        Pod stored = new PodBuilder(pod).editMetadata()
                .withName(pod.getMetadata().getGenerateName() + "x" + sequence.incrementAndGet())
                .withUid(Fixtures.uid()).withCreationTimestamp("2024-01-01T00:00:00Z").endMetadata().build();
        created.add(stored);
        if (visible) {
            pods.put(stored);
        }
        return stored;
    }

    @Override
    public void deletePod(Pod pod) {
        deleted.add(pod.getMetadata().getName());
        if (visible) {
            pods.remove(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
        }
    }

    @Override
    public void updateStatus(DaemonSet ds, DaemonSetStatus status) {
        statuses.add(status);
    }

    DaemonSetStatus lastStatus() {
        return statuses.get(statuses.size() - 1);
    }
}
