package io.kubesim.controllers.replicaset;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.support.ControllerExpectations;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.OwnerRefs;
import io.kubesim.controllers.support.OwnerResolver;
import io.kubesim.controllers.support.Pods;

/**
 * Maps pod events to the keys of the ReplicaSets that must look again: the controlling ReplicaSet
 * (which also counts the event against its {@link ControllerExpectations}), or, for orphans, every
 * ReplicaSet whose selector matches. A pod getting a deletion timestamp counts as deleted, so a
 * replacement is created without waiting for the grace period. Does no I/O; safe on the informer
 * thread.
 */
final class ReplicaSetPodHandler implements ResourceEventHandler<Pod> {

    private final OwnerResolver<ReplicaSet> replicaSets;
    private final ControllerExpectations expectations;
    private final Consumer<String> enqueue;
    private final BiConsumer<String, Duration> enqueueAfter;

    ReplicaSetPodHandler(ObjectStore<ReplicaSet> replicaSets, ControllerExpectations expectations,
                         Consumer<String> enqueue, BiConsumer<String, Duration> enqueueAfter) {
        this.replicaSets = new OwnerResolver<>(replicaSets, ReplicaSetReconciler.KIND,
                rs -> rs.getSpec().getSelector());
        this.expectations = expectations;
        this.enqueue = enqueue;
        this.enqueueAfter = enqueueAfter;
    }

    @Override
    public void onAdd(Pod pod) {
        if (Pods.isTerminating(pod)) {
            onDelete(pod, false);
            return;
        }
        Optional<OwnerReference> ref = OwnerRefs.controllerOf(pod);
        if (ref.isPresent()) {
            ReplicaSet rs = replicaSets.resolve(pod.getMetadata().getNamespace(), ref.get());
            if (rs != null) {
                String key = Keys.of(rs);
                expectations.creationObserved(key);
                enqueue.accept(key);
            }
            return;
        }
        enqueueSelecting(pod);
    }

    @Override
    public void onUpdate(Pod old, Pod cur) {
        if (Objects.equals(old.getMetadata().getResourceVersion(), cur.getMetadata().getResourceVersion())) {
            return;
        }
        boolean labelsChanged = !Objects.equals(old.getMetadata().getLabels(), cur.getMetadata().getLabels());
        if (Pods.isTerminating(cur)) {
            onDelete(cur, false);
            if (labelsChanged) {
                onDelete(old, false);
            }
            return;
        }
        Optional<OwnerReference> curRef = OwnerRefs.controllerOf(cur);
        Optional<OwnerReference> oldRef = OwnerRefs.controllerOf(old);
        boolean refChanged = !curRef.equals(oldRef);
        if (refChanged && oldRef.isPresent()) {
            ReplicaSet previous = replicaSets.resolve(old.getMetadata().getNamespace(), oldRef.get());
            if (previous != null) {
                enqueue.accept(Keys.of(previous));
            }
        }
        if (curRef.isPresent()) {
            ReplicaSet rs = replicaSets.resolve(cur.getMetadata().getNamespace(), curRef.get());
            if (rs == null) {
                return;
            }
            enqueue.accept(Keys.of(rs));
            int minReady = Numbers.orZero(rs.getSpec().getMinReadySeconds());
            if (!Pods.isReady(old) && Pods.isReady(cur) && minReady > 0) {
                // Availability is a matter of time passing, which no event announces.
                enqueueAfter.accept(Keys.of(rs), Duration.ofSeconds(minReady + 1L));
            }
            return;
        }
        if (labelsChanged || refChanged) {
            enqueueSelecting(cur);
        }
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
        ReplicaSet rs = replicaSets.controllerOf(pod);
        if (rs != null) {
            String key = Keys.of(rs);
            expectations.deletionObserved(key, Keys.of(pod));
            enqueue.accept(key);
        }
    }

    private void enqueueSelecting(Pod pod) {
        replicaSets.selecting(pod).forEach(rs -> enqueue.accept(Keys.of(rs)));
    }
}
