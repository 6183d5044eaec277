package io.kubesim.controllers.gc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.kubesim.controllers.runtime.Reconciler;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.ServedKind;

/**
 * Garbage-collects one object, keyed by uid, following upstream's rules:
 * <ul>
 *   <li>an object with owner references none of which is a live owner is deleted (policy from its
 *       own orphan/foreground finalizers, else Background); references to owners that are gone
 *       are removed from an object that still has a live owner;</li>
 *   <li>an owner deleting in the foreground ({@code foregroundDeletion} finalizer) gets its
 *       dependents deleted (those with dependents of their own in the foreground) and loses the
 *       finalizer once no dependent with {@code blockOwnerDeletion} remains;</li>
 *   <li>an owner deleting with the orphan policy ({@code orphan} finalizer) has its reference
 *       removed from every dependent, then loses the finalizer.</li>
 * </ul>
 * Thread-safe for distinct keys.
 */
final class GarbageCollectorReconciler implements Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(GarbageCollectorReconciler.class);
    /** A safety net while an owner waits for its dependents: their deletion events normally wake it first. */
    static final Duration WAIT_RECHECK = Duration.ofSeconds(30);

    private final DependencyGraph graph;
    private final OwnerLookup lookup;
    private final GcWriter writer;
    private final Consumer<String> enqueue;

    GarbageCollectorReconciler(DependencyGraph graph, OwnerLookup lookup, GcWriter writer, Consumer<String> enqueue) {
        this.graph = graph;
        this.lookup = lookup;
        this.writer = writer;
        this.enqueue = enqueue;
    }

    @Override
    public Result reconcile(String uid) {
        GraphNode item = graph.get(uid);
        if (item == null) {
            return Result.DONE;
        }
        if (item.orphaning()) {
            orphanDependents(item);
            return Result.DONE;
        }
        if (item.deletingDependents()) {
            return deleteDependents(item);
        }
        if (item.deleting() || item.owners().isEmpty()) {
            return Result.DONE;
        }
        collectIfOrphaned(item);
        return Result.DONE;
    }

    private void orphanDependents(GraphNode owner) {
        for (GraphNode dependent : graph.dependents(owner.uid())) {
            writer.removeOwnerReferences(dependent.ref(), List.of(owner.uid()));
        }
        writer.removeFinalizer(owner.ref(), GraphNode.ORPHAN);
    }

    private Result deleteDependents(GraphNode owner) {
        List<GraphNode> blocking = graph.blockingDependents(owner.uid());
        if (blocking.isEmpty()) {
            writer.removeFinalizer(owner.ref(), GraphNode.FOREGROUND);
            return Result.DONE;
        }
        for (GraphNode dependent : graph.dependents(owner.uid())) {
            if (!dependent.deletingDependents()) {
                enqueue.accept(dependent.uid());
            }
        }
        return Result.requeueAfter(WAIT_RECHECK);
    }

    private void collectIfOrphaned(GraphNode item) {
        List<OwnerReference> solid = new ArrayList<>();
        List<OwnerReference> dangling = new ArrayList<>();
        List<OwnerReference> waiting = new ArrayList<>();
        for (OwnerReference ref : item.owners()) {
            switch (classify(item, ref)) {
                case SOLID -> solid.add(ref);
                case DANGLING -> dangling.add(ref);
                case WAITING -> waiting.add(ref);
                default -> throw new IllegalStateException();
            }
        }
        if (!solid.isEmpty()) {
            if (!dangling.isEmpty() || !waiting.isEmpty()) {
                List<String> uids = new ArrayList<>();
                dangling.forEach(r -> uids.add(r.getUid()));
                // a live owner keeps the item: release the owners waiting on it so they are not blocked
                waiting.forEach(r -> uids.add(r.getUid()));
                writer.removeOwnerReferences(item.ref(), uids);
            }
            return;
        }
        List<GraphNode> ownDependents = graph.dependents(item.uid());
        if (!waiting.isEmpty() && !ownDependents.isEmpty()) {
            if (ownDependents.stream().anyMatch(GraphNode::deletingDependents)) {
                // Two foreground deletions waiting on each other would never finish: stop blocking ours.
                LOG.info("gc: {} and one of its dependents both wait for dependents; unblocking its owners",
                        item.ref());
                writer.unblockOwnerReferences(item.ref(), item.owners().stream().map(OwnerReference::getUid).toList());
            }
            writer.delete(item.ref(), "Foreground");
            return;
        }
        String policy = item.finalizers().contains(GraphNode.ORPHAN) ? "Orphan"
                : item.finalizers().contains(GraphNode.FOREGROUND) ? "Foreground" : "Background";
        LOG.debug("gc: deleting {} ({}), its owners are gone", item.ref(), policy);
        writer.delete(item.ref(), policy);
    }

    private enum OwnerState { SOLID, DANGLING, WAITING }

    private OwnerState classify(GraphNode item, OwnerReference ref) {
        GraphNode owner = graph.get(ref.getUid());
        if (owner != null) {
            return owner.deletingDependents() ? OwnerState.WAITING : OwnerState.SOLID;
        }
        Optional<ServedKind> kind = ServedKind.find(ref.getApiVersion(), ref.getKind());
        if (kind.isEmpty()) {
            // we cannot tell whether an owner of a kind we do not serve exists: never collect on its account
            return OwnerState.SOLID;
        }
        ObjectRef ownerRef = ObjectRef.owner(kind.get(), ref, item.ref().namespace());
        return lookup.check(ownerRef) == OwnerLookup.Presence.PRESENT ? OwnerState.SOLID : OwnerState.DANGLING;
    }
}
