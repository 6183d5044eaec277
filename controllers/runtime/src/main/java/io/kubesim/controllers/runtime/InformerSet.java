package io.kubesim.controllers.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Lister;

/**
 * One shared, cluster-wide Fabric8 informer per resource type for a whole component, so that
 * several controllers watching pods share one watch and one cache. Register every type (and the
 * handlers) before {@link #start}; workers start only after {@link #awaitSynced}. Thread-safe.
 */
public final class InformerSet implements AutoCloseable {

    private final KubernetesClient client;
    private final Map<Class<?>, SharedIndexInformer<?>> informers = new ConcurrentHashMap<>();
    private CompletableFuture<Void> started;

    public InformerSet(KubernetesClient client) {
        this.client = client;
    }

    /** The informer of {@code type} (created on first use, not yet started). */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> SharedIndexInformer<T> of(Class<T> type) {
        return (SharedIndexInformer<T>) informers.computeIfAbsent(type,
                t -> client.resources(type).inAnyNamespace().runnableInformer(0));
    }

    /** A lister over the informer's cache; {@code namespace} null lists across namespaces. */
    public <T extends HasMetadata> Lister<T> lister(Class<T> type, String namespace) {
        return namespace == null ? new Lister<>(of(type).getIndexer()) : new Lister<>(of(type).getIndexer(), namespace);
    }

    /** Starts every registered informer (once); the future completes when all have synced. */
    public synchronized CompletableFuture<Void> start() {
        if (started == null) {
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (SharedIndexInformer<?> i : informers.values()) {
                all.add(i.start().toCompletableFuture());
            }
            started = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
        }
        return started;
    }

    /** Starts if needed and blocks until every informer has listed once, at most {@code timeout}. */
    public void awaitSynced(Duration timeout) throws Exception {
        start().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean hasSynced() {
        return informers.values().stream().allMatch(SharedIndexInformer::hasSynced);
    }

    @Override
    public void close() {
        informers.values().forEach(SharedIndexInformer::close);
    }
}
