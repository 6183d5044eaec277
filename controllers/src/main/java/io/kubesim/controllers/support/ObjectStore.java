package io.kubesim.controllers.support;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Read access to the current objects of one type, as a reconciler sees them: an informer cache in
 * production ({@link InformerStore}), a map in unit tests. Returned objects are shared with the
 * cache and must not be modified. Implementations are thread-safe.
 */
public interface ObjectStore<T extends HasMetadata> {

    /** The object, or null. {@code namespace} is null for cluster-scoped objects. */
    T get(String namespace, String name);

    /** Every object in {@code namespace}, or in all namespaces when it is null. */
    List<T> list(String namespace);

    /** The objects {@code index} maps to {@code value}; the index must have been declared when the store was built. */
    List<T> byIndex(StoreIndex<T> index, String value);
}
