package io.kubesim.controllers.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.controllers.runtime.Keys;

/** An in-memory {@link ObjectStore} for reconciler tests; indexes are computed on demand. */
public final class MapStore<T extends HasMetadata> implements ObjectStore<T> {

    private final Map<String, T> objects = new ConcurrentHashMap<>();

    @SafeVarargs
    public static <T extends HasMetadata> MapStore<T> of(T... items) {
        MapStore<T> store = new MapStore<>();
        for (T item : items) {
            store.put(item);
        }
        return store;
    }

    public MapStore<T> put(T object) {
        objects.put(Keys.of(object), object);
        return this;
    }

    public void remove(String namespace, String name) {
        objects.remove(Keys.of(namespace, name));
    }

    @Override
    public T get(String namespace, String name) {
        return objects.get(Keys.of(namespace, name));
    }

    @Override
    public List<T> list(String namespace) {
        List<T> out = new ArrayList<>();
        for (T o : objects.values()) {
            if (namespace == null || namespace.equals(o.getMetadata().getNamespace())) {
                out.add(o);
            }
        }
        out.sort((a, b) -> Keys.of(a).compareTo(Keys.of(b)));
        return out;
    }

    @Override
    public List<T> byIndex(StoreIndex<T> index, String value) {
        return list(null).stream().filter(o -> index.keys().apply(o).stream().anyMatch(k -> Objects.equals(k, value)))
                .toList();
    }
}
