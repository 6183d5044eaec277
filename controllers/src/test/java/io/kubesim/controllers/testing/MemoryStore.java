package io.kubesim.controllers.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.support.ObjectStore;

/** An {@link ObjectStore} over a map, standing in for an informer cache in unit tests. Thread-safe. */
public final class MemoryStore<T extends HasMetadata> implements ObjectStore<T> {

    private final Map<String, T> objects = new ConcurrentSkipListMap<>();

    public void put(T object) {
        objects.put(Keys.of(object), object);
    }

    public void remove(String namespace, String name) {
        objects.remove(Keys.of(namespace, name));
    }

    public List<T> all() {
        return new ArrayList<>(objects.values());
    }

    @Override
    public List<T> list(String namespace) {
        return objects.values().stream().filter(o -> namespace.equals(o.getMetadata().getNamespace())).toList();
    }

    @Override
    public T get(String namespace, String name) {
        return objects.get(Keys.of(namespace, name));
    }
}
