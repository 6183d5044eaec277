package io.kubesim.controllers.support;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Read access to the current objects of one kind as a controller sees them: an informer cache in
 * production ({@link InformerStore}), a map in unit tests. Returned objects are shared with the
 * cache: callers must copy them ({@link DeepCopy}) before changing them. Implementations are
 * thread-safe.
 */
public interface ObjectStore<T extends HasMetadata> {

    /** The object, or null. {@code namespace} is null for cluster-scoped objects. */
    T get(String namespace, String name);

    /** Every object in {@code namespace}, or in all namespaces when it is null; in no particular order. */
    List<T> list(String namespace);

    /** The objects {@code index} files under {@code value}; the index must be declared when the store is built. */
    List<T> byIndex(StoreIndex<T> index, String value);
}
