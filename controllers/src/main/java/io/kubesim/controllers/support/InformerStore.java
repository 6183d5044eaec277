package io.kubesim.controllers.support;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import io.fabric8.kubernetes.client.informers.cache.Lister;
import io.kubesim.controllers.runtime.Keys;

/**
 * An {@link ObjectStore} over a shared informer's cache. Declared indexes are added to the
 * informer once, whichever controller asks first. Thread-safe.
 */
public final class InformerStore<T extends HasMetadata> implements ObjectStore<T> {

    private final SharedIndexInformer<T> informer;

    private InformerStore(SharedIndexInformer<T> informer) {
        this.informer = informer;
    }

    /** A store over {@code informer}, registering {@code indexes} on it if they are not there yet. */
    @SafeVarargs
    public static <T extends HasMetadata> InformerStore<T> of(SharedIndexInformer<T> informer,
                                                             StoreIndex<T>... indexes) {
        // Shared informers are shared across controllers: serialise index registration on the informer.
        synchronized (informer) {
            Indexer<T> indexer = informer.getIndexer();
            for (StoreIndex<T> index : indexes) {
                if (!indexer.getIndexers().containsKey(index.name())) {
                    informer.addIndexers(Map.of(index.name(), index.keys()));
                }
            }
        }
        return new InformerStore<>(informer);
    }

    @Override
    public T get(String namespace, String name) {
        return informer.getIndexer().getByKey(Keys.of(namespace, name));
    }

    @Override
    public List<T> list(String namespace) {
        Indexer<T> indexer = informer.getIndexer();
        return namespace == null ? indexer.list() : new Lister<>(indexer, namespace).list();
    }

    @Override
    public List<T> byIndex(StoreIndex<T> index, String value) {
        return informer.getIndexer().byIndex(index.name(), value);
    }
}
