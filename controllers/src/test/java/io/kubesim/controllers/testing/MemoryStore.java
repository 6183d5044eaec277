package io.kubesim.controllers.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.StoreIndex;

/**
 * An {@link ObjectStore} over a map, standing in for an informer cache in unit tests. Lists are
 * ordered by key; indexes are computed on demand. Thread-safe.
 */
public final class MemoryStore<T extends HasMetadata> implements ObjectStore<T> {

    private final Map<String, T> objects = new ConcurrentSkipListMap<>();

    @SafeVarargs
    public static <T extends HasMetadata> MemoryStore<T> of(T... items) {
        MemoryStore<T> store = new MemoryStore<>();
        for (T item : items) {
            store.put(item);
        }
        return store;
    }

    /** Adds or replaces {@code object}; returns this store for chaining. */
    public MemoryStore<T> put(T object) {
        objects.put(Keys.of(object), object);
        return this;
    }

    public void remove(String namespace, String name) {
        objects.remove(Keys.of(namespace, name));
    }

    /** Every object, in key order. */
    public List<T> all() {
        return new ArrayList<>(objects.values());
    }

    @Override
    public T get(String namespace, String name) {
        return objects.get(Keys.of(namespace, name));
    }

    @Override
    public List<T> list(String namespace) {
        return objects.values().stream()
                .filter(o -> namespace == null || namespace.equals(o.getMetadata().getNamespace())).toList();
    }

    @Override
    public List<T> byIndex(StoreIndex<T> index, String value) {
        return objects.values().stream().filter(o -> index.keys().apply(o).contains(value)).toList();
    }
}
