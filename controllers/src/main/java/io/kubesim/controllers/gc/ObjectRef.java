package io.kubesim.controllers.gc;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.kubesim.controllers.support.ServedKind;

/**
 * The identity of one object in the dependency graph: its kind, where it lives and its uid.
 * {@code namespace} is null for cluster-scoped objects. Immutable.
 */
record ObjectRef(ServedKind kind, String namespace, String name, String uid) {

    /** The owner {@code ref} names for a dependent in {@code dependentNamespace}. */
    static ObjectRef owner(ServedKind kind, OwnerReference ref, String dependentNamespace) {
        return new ObjectRef(kind, kind.namespaced() ? dependentNamespace : null, ref.getName(), ref.getUid());
    }

    @Override
    public String toString() {
        return kind.kind() + " " + (namespace == null ? "" : namespace + "/") + name + " (uid " + uid + ")";
    }
}
