package io.kubesim.controllers.deployment;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.OwnerRefs;
import io.kubesim.controllers.support.OwnerResolver;

/**
 * Maps ReplicaSet and pod events to the Deployments that must look again: a ReplicaSet to its
 * controlling Deployment (or, for an orphan, every Deployment selecting it, to adopt it); a
 * deleted pod to the Deployment controlling its ReplicaSet when that Deployment recreates (it
 * waits for old pods to be gone). Does no I/O; safe on informer threads.
 */
final class DeploymentHandlers {

    private final OwnerResolver<Deployment> deployments;
    private final OwnerResolver<ReplicaSet> replicaSets;
    private final Consumer<String> enqueue;

    DeploymentHandlers(ObjectStore<Deployment> deployments, ObjectStore<ReplicaSet> replicaSets,
                       Consumer<String> enqueue) {
        this.deployments = new OwnerResolver<>(deployments, DeploymentReconciler.KIND, d -> d.getSpec().getSelector());
        this.replicaSets = new OwnerResolver<>(replicaSets, "ReplicaSet", rs -> rs.getSpec().getSelector());
        this.enqueue = enqueue;
    }

    ResourceEventHandler<ReplicaSet> replicaSets() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(ReplicaSet rs) {
                if (rs.getMetadata().getDeletionTimestamp() != null) {
                    onDelete(rs, false);
                    return;
                }
                OwnerRefs.controllerOf(rs).ifPresentOrElse(ref -> enqueueOwner(rs.getMetadata().getNamespace(), ref),
                        () -> enqueueSelecting(rs));
            }

            @Override
            public void onUpdate(ReplicaSet old, ReplicaSet cur) {
                if (Objects.equals(old.getMetadata().getResourceVersion(), cur.getMetadata().getResourceVersion())) {
                    return;
                }
                Optional<OwnerReference> curRef = OwnerRefs.controllerOf(cur);
                Optional<OwnerReference> oldRef = OwnerRefs.controllerOf(old);
                boolean refChanged = !curRef.equals(oldRef);
                if (refChanged) {
                    oldRef.ifPresent(ref -> enqueueOwner(old.getMetadata().getNamespace(), ref));
                }
                if (curRef.isPresent()) {
                    enqueueOwner(cur.getMetadata().getNamespace(), curRef.get());
                    return;
                }
                if (refChanged || !Objects.equals(old.getMetadata().getLabels(), cur.getMetadata().getLabels())) {
                    enqueueSelecting(cur);
                }
            }

            @Override
            public void onDelete(ReplicaSet rs, boolean finalStateUnknown) {
                OwnerRefs.controllerOf(rs).ifPresent(ref -> enqueueOwner(rs.getMetadata().getNamespace(), ref));
            }
        };
    }

    ResourceEventHandler<Pod> pods() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                // Only deletions matter: a recreating Deployment waits for its old pods to be gone.
            }

            @Override
            public void onUpdate(Pod old, Pod cur) {
                // See onAdd.
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                ReplicaSet rs = replicaSets.controllerOf(pod);
                Deployment d = rs == null ? null : deployments.controllerOf(rs);
                if (d != null && RolloutMath.isRecreate(d)) {
                    enqueue.accept(Keys.of(d));
                }
            }
        };
    }

    private void enqueueOwner(String namespace, OwnerReference ref) {
        Deployment d = deployments.resolve(namespace, ref);
        if (d != null) {
            enqueue.accept(Keys.of(d));
        }
    }

    private void enqueueSelecting(ReplicaSet rs) {
        deployments.selecting(rs).forEach(d -> enqueue.accept(Keys.of(d)));
    }
}
