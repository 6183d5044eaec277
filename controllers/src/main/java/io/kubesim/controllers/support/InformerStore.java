package io.kubesim.controllers.support;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import io.fabric8.kubernetes.client.informers.cache.Lister;
import io.kubesim.controllers.runtime.InformerSet;

/** An {@link ObjectStore} over a shared informer's cache (namespace index). Thread-safe. */
public final class InformerStore<T extends HasMetadata> implements ObjectStore<T> {

    private final Lister<T> lister;

    public InformerStore(Indexer<T> indexer) {
        this.lister = new Lister<>(indexer);
    }

    /** The store of {@code type} in the component's shared informers (registering the informer if needed). */
    public static <T extends HasMetadata> InformerStore<T> of(InformerSet informers, Class<T> type) {
        return new InformerStore<>(informers.of(type).getIndexer());
    }

    @Override
    public List<T> list(String namespace) {
        return lister.namespace(namespace).list();
    }

    @Override
    public T get(String namespace, String name) {
        return lister.namespace(namespace).get(name);
    }
}
