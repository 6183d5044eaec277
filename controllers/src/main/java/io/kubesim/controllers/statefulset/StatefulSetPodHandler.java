package io.kubesim.controllers.statefulset;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.OwnerRefs;
import io.kubesim.controllers.support.OwnerResolver;
import io.kubesim.controllers.support.Pods;

/**
 * Maps pod events to the StatefulSets that must look again: the controlling one, or for orphans
 * every StatefulSet selecting the pod; a pod turning ready also schedules a look once
 * {@code minReadySeconds} have passed. Does no I/O; safe on the informer thread.
 */
final class StatefulSetPodHandler implements ResourceEventHandler<Pod> {

    private final OwnerResolver<StatefulSet> sets;
    private final Consumer<String> enqueue;
    private final BiConsumer<String, Duration> enqueueAfter;

    StatefulSetPodHandler(ObjectStore<StatefulSet> sets, Consumer<String> enqueue,
                          BiConsumer<String, Duration> enqueueAfter) {
        this.sets = new OwnerResolver<>(sets, StatefulPods.KIND, set -> set.getSpec().getSelector());
        this.enqueue = enqueue;
        this.enqueueAfter = enqueueAfter;
    }

    @Override
    public void onAdd(Pod pod) {
        Optional<OwnerReference> ref = OwnerRefs.controllerOf(pod);
        if (ref.isPresent()) {
            StatefulSet set = sets.resolve(pod.getMetadata().getNamespace(), ref.get());
            if (set != null) {
                enqueue.accept(Keys.of(set));
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
        Optional<OwnerReference> curRef = OwnerRefs.controllerOf(cur);
        Optional<OwnerReference> oldRef = OwnerRefs.controllerOf(old);
        boolean refChanged = !curRef.equals(oldRef);
        if (refChanged && oldRef.isPresent()) {
            StatefulSet previous = sets.resolve(old.getMetadata().getNamespace(), oldRef.get());
            if (previous != null) {
                enqueue.accept(Keys.of(previous));
            }
        }
        if (curRef.isPresent()) {
            StatefulSet set = sets.resolve(cur.getMetadata().getNamespace(), curRef.get());
            if (set == null) {
                return;
            }
            enqueue.accept(Keys.of(set));
            int minReady = Numbers.orZero(set.getSpec().getMinReadySeconds());
            if (!Pods.isReady(old) && Pods.isReady(cur) && minReady > 0) {
                enqueueAfter.accept(Keys.of(set), Duration.ofSeconds(minReady + 1L));
            }
            return;
        }
        if (refChanged || !Objects.equals(old.getMetadata().getLabels(), cur.getMetadata().getLabels())) {
            enqueueSelecting(cur);
        }
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
        StatefulSet set = sets.controllerOf(pod);
        if (set != null) {
            enqueue.accept(Keys.of(set));
        }
    }

    private void enqueueSelecting(Pod pod) {
        sets.selecting(pod).forEach(set -> enqueue.accept(Keys.of(set)));
    }
}
