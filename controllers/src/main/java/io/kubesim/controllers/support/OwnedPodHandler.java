package io.kubesim.controllers.support;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubesim.controllers.runtime.Keys;

/**
 * Maps pod events to the keys of the pod owners (ReplicaSets, StatefulSets) that must look again:
 * the controlling owner, or, for an orphan, every owner whose selector matches (it may adopt the
 * pod). A pod turning Ready also schedules a look once the owner's {@code minReadySeconds} have
 * passed, since availability is a matter of time, which no event announces. Does no I/O; safe on
 * the informer thread.
 *
 * @param <O> the owner kind
 */
public final class OwnedPodHandler<O extends HasMetadata> implements ResourceEventHandler<Pod> {

    /** What an owner's controller counts as its pods appear and go (e.g. {@link ControllerExpectations}). */
    public interface DependentObserver {
        /** No counting. */
        DependentObserver NONE = new DependentObserver() {
            @Override
            public void creationObserved(String ownerKey) {
            }

            @Override
            public void deletionObserved(String ownerKey, String dependentKey) {
            }
        };

        void creationObserved(String ownerKey);

        void deletionObserved(String ownerKey, String dependentKey);
    }

    private final OwnerResolver<O> owners;
    private final ToIntFunction<O> minReadySeconds;
    private final boolean terminatingIsDeleted;
    private final DependentObserver observer;
    private final Consumer<String> enqueue;
    private final BiConsumer<String, Duration> enqueueAfter;

    /**
     * @param terminatingIsDeleted whether a pod with a deletion timestamp counts as deleted (the
     *                             ReplicaSet controller replaces it without waiting for the grace period)
     */
    public OwnedPodHandler(OwnerResolver<O> owners, ToIntFunction<O> minReadySeconds, boolean terminatingIsDeleted,
                           DependentObserver observer, Consumer<String> enqueue,
                           BiConsumer<String, Duration> enqueueAfter) {
        this.owners = owners;
        this.minReadySeconds = minReadySeconds;
        this.terminatingIsDeleted = terminatingIsDeleted;
        this.observer = observer;
        this.enqueue = enqueue;
        this.enqueueAfter = enqueueAfter;
    }

    @Override
    public void onAdd(Pod pod) {
        if (terminatingIsDeleted && Pods.isTerminating(pod)) {
            onDelete(pod, false);
            return;
        }
        O owner = owners.controllerOf(pod);
        if (owner != null) {
            String key = Keys.of(owner);
            observer.creationObserved(key);
            enqueue.accept(key);
        } else if (OwnerRefs.controllerOf(pod).isEmpty()) {
            enqueueSelecting(pod);
        }
    }

    @Override
    public void onUpdate(Pod old, Pod cur) {
        if (Objects.equals(old.getMetadata().getResourceVersion(), cur.getMetadata().getResourceVersion())) {
            return;
        }
        boolean labelsChanged = !Objects.equals(old.getMetadata().getLabels(), cur.getMetadata().getLabels());
        if (terminatingIsDeleted && Pods.isTerminating(cur)) {
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
            O previous = owners.resolve(old.getMetadata().getNamespace(), oldRef.get());
            if (previous != null) {
                enqueue.accept(Keys.of(previous));
            }
        }
        if (curRef.isPresent()) {
            O owner = owners.resolve(cur.getMetadata().getNamespace(), curRef.get());
            if (owner == null) {
                return;
            }
            enqueue.accept(Keys.of(owner));
            int minReady = minReadySeconds.applyAsInt(owner);
            if (!Pods.isReady(old) && Pods.isReady(cur) && minReady > 0) {
                enqueueAfter.accept(Keys.of(owner), Duration.ofSeconds(minReady + 1L));
            }
            return;
        }
        if (labelsChanged || refChanged) {
            enqueueSelecting(cur);
        }
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
        O owner = owners.controllerOf(pod);
        if (owner != null) {
            String key = Keys.of(owner);
            observer.deletionObserved(key, Keys.of(pod));
            enqueue.accept(key);
        }
    }

    private void enqueueSelecting(Pod pod) {
        owners.selecting(pod).forEach(owner -> enqueue.accept(Keys.of(owner)));
    }
}
