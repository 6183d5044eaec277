package io.kubesim.controllers.gc;

import java.util.Collection;

/**
 * The garbage collector's writes. Every write is pinned to the object's uid, so an object that was
 * deleted and recreated under the same name is never touched; writes to objects that are already
 * gone succeed silently. Errors are Fabric8 {@code KubernetesClientException}s.
 * Implementations are thread-safe.
 */
interface GcWriter {

    /** Deletes the object with {@code propagationPolicy} ({@code Background}, {@code Foreground} or {@code Orphan}). */
    void delete(ObjectRef object, String propagationPolicy);

    /** Removes the owner references to {@code ownerUids} from the object. */
    void removeOwnerReferences(ObjectRef object, Collection<String> ownerUids);

    /** Sets {@code blockOwnerDeletion: false} on every owner reference of the object. */
    void unblockOwnerReferences(ObjectRef object, Collection<String> ownerUids);

    /** Removes {@code finalizer} from the object (read-modify-write with its resourceVersion). */
    void removeFinalizer(ObjectRef object, String finalizer);
}
