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
import io.kubesim.controllers.support.Selectors;

/**
 * Maps ReplicaSet and pod events to the Deployments that must look again: a ReplicaSet to its
 * controlling Deployment (or, for an orphan, every Deployment selecting it, to adopt it); a
 * deleted pod to the Deployment controlling its ReplicaSet when that Deployment recreates (it
 * waits for old pods to be gone). Does no I/O; safe on informer threads.
 */
final class DeploymentHandlers {

    private final ObjectStore<Deployment> deployments;
    private final ObjectStore<ReplicaSet> replicaSets;
    private final Consumer<String> enqueue;

    DeploymentHandlers(ObjectStore<Deployment> deployments, ObjectStore<ReplicaSet> replicaSets,
                       Consumer<String> enqueue) {
        this.deployments = deployments;
        this.replicaSets = replicaSets;
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
                OwnerReference rsRef = OwnerRefs.controllerOf(pod).orElse(null);
                if (rsRef == null || !"ReplicaSet".equals(rsRef.getKind())) {
                    return;
                }
                String ns = pod.getMetadata().getNamespace();
                ReplicaSet rs = replicaSets.get(ns, rsRef.getName());
                if (rs == null || !rs.getMetadata().getUid().equals(rsRef.getUid())) {
                    return;
                }
                Deployment d = OwnerRefs.controllerOf(rs).map(ref -> resolve(ns, ref)).orElse(null);
                if (d != null && RolloutMath.isRecreate(d)) {
                    enqueue.accept(Keys.of(d));
                }
            }
        };
    }

    private void enqueueOwner(String namespace, OwnerReference ref) {
        Deployment d = resolve(namespace, ref);
        if (d != null) {
            enqueue.accept(Keys.of(d));
        }
    }

    private Deployment resolve(String namespace, OwnerReference ref) {
        if (!DeploymentReconciler.KIND.equals(ref.getKind())) {
            return null;
        }
        Deployment d = deployments.get(namespace, ref.getName());
        return d != null && d.getMetadata().getUid().equals(ref.getUid()) ? d : null;
    }

    private void enqueueSelecting(ReplicaSet rs) {
        for (Deployment d : deployments.list(rs.getMetadata().getNamespace())) {
            if (!Selectors.isEmpty(d.getSpec().getSelector())
                    && Selectors.matches(d.getSpec().getSelector(), rs.getMetadata().getLabels())) {
                enqueue.accept(Keys.of(d));
            }
        }
    }
}
