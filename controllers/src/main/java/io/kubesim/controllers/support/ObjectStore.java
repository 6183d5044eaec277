package io.kubesim.controllers.support;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Read access to the objects of one kind as a controller sees them: normally an informer cache
 * ({@link InformerStore}), in unit tests an in-memory map. Returned objects are shared with the
 * cache: callers must copy ({@link DeepCopy}) before changing them. Implementations are
 * thread-safe.
 */
public interface ObjectStore<T extends HasMetadata> {

    /** Every object in {@code namespace}, in no particular order. */
    List<T> list(String namespace);

    /** The object {@code namespace/name}, or null. */
    T get(String namespace, String name);
}
