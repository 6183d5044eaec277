package io.kubesim.controllers.gc;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.kubesim.controllers.support.OwnerRefs;
import io.kubesim.controllers.support.ServedKind;

/**
 * What the garbage collector knows of one observed object: identity, owner references and
 * deletion state. A snapshot, replaced on every change. Immutable.
 *
 * @param deleting   {@code deletionTimestamp} is set
 * @param finalizers the object's finalizers (the collector acts on {@code foregroundDeletion} and {@code orphan})
 */
record GraphNode(ObjectRef ref, List<OwnerReference> owners, boolean deleting, List<String> finalizers) {

    static final String FOREGROUND = "foregroundDeletion";
    static final String ORPHAN = "orphan";

    GraphNode {
        owners = List.copyOf(owners);
        finalizers = List.copyOf(finalizers);
    }

    static GraphNode of(ServedKind kind, HasMetadata object) {
        var meta = object.getMetadata();
        return new GraphNode(new ObjectRef(kind, meta.getNamespace(), meta.getName(), meta.getUid()),
                OwnerRefs.of(object), meta.getDeletionTimestamp() != null,
                meta.getFinalizers() == null ? List.of() : meta.getFinalizers());
    }

    String uid() {
        return ref.uid();
    }

    /** Deleted in the foreground: waits for its blocking dependents to go. */
    boolean deletingDependents() {
        return deleting && finalizers.contains(FOREGROUND);
    }

    /** Deleted with the orphan policy: its dependents must lose their reference to it first. */
    boolean orphaning() {
        return deleting && finalizers.contains(ORPHAN);
    }

    /** The reference to {@code ownerUid}, if this node has one. */
    OwnerReference ownerRef(String ownerUid) {
        return owners.stream().filter(r -> ownerUid.equals(r.getUid())).findFirst().orElse(null);
    }
}
