package io.kubesim.controllers.namespace;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.controllers.support.ServedKind;

/**
 * The namespace controller's view of a namespace's content, read and deleted live (not from
 * caches: the namespace must really be empty before it is finalized). Errors are Fabric8
 * {@code KubernetesClientException}s. Implementations are thread-safe.
 */
interface NamespaceContent {

    /** Deletes every object of {@code kind} in {@code namespace}, dependents in the background. */
    void deleteAll(ServedKind kind, String namespace);

    /** The objects of {@code kind} still in {@code namespace}. */
    List<? extends HasMetadata> remaining(ServedKind kind, String namespace);
}
