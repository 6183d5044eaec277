package io.kubesim.controllers.gc;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubesim.controllers.support.ServedKind;

/**
 * Feeds one kind's informer events into the {@link DependencyGraph} and queues the uids whose
 * garbage-collection state may have changed: objects whose owners may be gone, owners starting
 * foreground or orphan deletion, owners whose blocking dependents went away, and the dependents of
 * deleted objects. Only cheap map updates happen here; all API calls run in the workers.
 * Thread-safe.
 */
final class GraphBuilder<T extends HasMetadata> implements ResourceEventHandler<T> {

    private final ServedKind kind;
    private final DependencyGraph graph;
    private final Consumer<String> enqueue;

    GraphBuilder(ServedKind kind, DependencyGraph graph, Consumer<String> enqueue) {
        this.kind = kind;
        this.graph = graph;
        this.enqueue = enqueue;
    }

    @Override
    public void onAdd(T object) {
        observe(GraphNode.of(kind, object));
    }

    @Override
    public void onUpdate(T oldObject, T object) {
        observe(GraphNode.of(kind, object));
    }

    @Override
    public void onDelete(T object, boolean deletedFinalStateUnknown) {
        GraphNode gone = graph.remove(object.getMetadata().getUid());
        if (gone == null) {
            gone = GraphNode.of(kind, object);
        }
        // its dependents may now be dangling
        graph.dependents(gone.uid()).forEach(d -> enqueue.accept(d.uid()));
        // an owner deleting in the foreground may have lost its last blocking dependent
        enqueueWaitingOwners(gone.owners());
    }

    private void observe(GraphNode node) {
        GraphNode old = graph.upsert(node);
        boolean ownersChanged = old == null || !old.owners().equals(node.owners());
        if (ownersChanged && !node.owners().isEmpty() && hasUnsettledOwner(node)) {
            enqueue.accept(node.uid());
        }
        if (old != null && ownersChanged) {
            Set<OwnerReference> removed = new HashSet<>(old.owners());
            removed.removeAll(node.owners());
            enqueueWaitingOwners(removed);
        }
        boolean finalizersChanged = old == null || old.deleting() != node.deleting()
                || !old.finalizers().equals(node.finalizers());
        if (node.deletingDependents() && (old == null || !old.deletingDependents())) {
            enqueue.accept(node.uid());
            graph.dependents(node.uid()).forEach(d -> enqueue.accept(d.uid()));
        } else if (finalizersChanged && (node.orphaning() || node.deletingDependents()
                || node.finalizers().contains(GraphNode.ORPHAN) || node.finalizers().contains(GraphNode.FOREGROUND))) {
            enqueue.accept(node.uid());
        }
    }

    /** Whether some owner is unobserved (maybe gone) or waiting for its dependents to be deleted. */
    private boolean hasUnsettledOwner(GraphNode node) {
        for (OwnerReference r : node.owners()) {
            GraphNode owner = graph.get(r.getUid());
            if (owner == null || owner.deletingDependents()) {
                return true;
            }
        }
        return false;
    }

    private void enqueueWaitingOwners(Iterable<OwnerReference> owners) {
        for (OwnerReference r : owners) {
            GraphNode owner = graph.get(r.getUid());
            if (owner != null && owner.deletingDependents()) {
                enqueue.accept(owner.uid());
            }
        }
    }
}
