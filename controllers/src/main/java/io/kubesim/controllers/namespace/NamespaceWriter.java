package io.kubesim.controllers.namespace;

import java.util.List;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceStatus;

/** The namespace controller's writes to the namespace itself. Implementations are thread-safe. */
interface NamespaceWriter {

    /** Replaces the namespace's status (optimistic: fails with 409 when {@code ns} is stale); returns the stored namespace. */
    Namespace updateStatus(Namespace ns, NamespaceStatus status);

    /** Sets {@code spec.finalizers} through {@code namespaces/NAME/finalize}; with none left the server removes it. */
    void release(Namespace ns, List<String> finalizers);
}
