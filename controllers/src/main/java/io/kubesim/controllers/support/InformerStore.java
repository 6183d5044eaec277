package io.kubesim.controllers.support;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import io.fabric8.kubernetes.client.informers.cache.Lister;
import io.kubesim.controllers.runtime.InformerSet;
import io.kubesim.controllers.runtime.Keys;

/**
 * An {@link ObjectStore} over a shared informer's cache. Declared indexes are added to the shared
 * informer once, by whichever controller asks first. Thread-safe.
 */
public final class InformerStore<T extends HasMetadata> implements ObjectStore<T> {

    private final Indexer<T> indexer;

    private InformerStore(Indexer<T> indexer) {
        this.indexer = indexer;
    }

    /**
     * The store of {@code type} in the component's shared informers (registering the informer if
     * needed), with {@code indexes} declared on it.
     */
    @SafeVarargs
    public static <T extends HasMetadata> InformerStore<T> of(InformerSet informers, Class<T> type,
                                                             StoreIndex<T>... indexes) {
        SharedIndexInformer<T> informer = informers.of(type);
        // The informer is shared by every controller of the process: serialise index registration on it.
        synchronized (informer) {
            Map<String, ?> declared = informer.getIndexer().getIndexers();
            for (StoreIndex<T> index : indexes) {
                if (!declared.containsKey(index.name())) {
                    informer.addIndexers(Map.of(index.name(), index.keys()));
                }
            }
        }
        return new InformerStore<>(informer.getIndexer());
    }

    @Override
    public T get(String namespace, String name) {
        return indexer.getByKey(Keys.of(namespace, name));
    }

    @Override
    public List<T> list(String namespace) {
        return namespace == null ? indexer.list() : new Lister<>(indexer, namespace).list();
    }

    @Override
    public List<T> byIndex(StoreIndex<T> index, String value) {
        return indexer.byIndex(index.name(), value);
    }
}
