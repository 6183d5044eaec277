package io.kubesim.controllers;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubesim.controllers.runtime.ComponentMetrics;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.runtime.EventRecorder;
import io.kubesim.controllers.runtime.InformerSet;
import io.kubesim.controllers.runtime.Reconciler;
import io.kubesim.controllers.support.EventSink;
import io.kubesim.controllers.support.InformerStore;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.StoreIndex;

/**
 * What every controller of the controller-manager is built from: the API client, the shared
 * informers (also as {@link #store stores}), event sinks, metrics, the clock and the options, and
 * the {@link #controller runner} with the configured worker count. One per process; thread-safe.
 */
public final class ControllerContext implements AutoCloseable {

    private final KubernetesClient client;
    private final InformerSet informers;
    private final ComponentMetrics metrics;
    private final Clock clock;
    private final ControllerManagerOptions options;
    private final Map<String, EventRecorder> recorders = new ConcurrentHashMap<>();

    public ControllerContext(KubernetesClient client, InformerSet informers, ComponentMetrics metrics, Clock clock,
                             ControllerManagerOptions options) {
        this.client = client;
        this.informers = informers;
        this.metrics = metrics;
        this.clock = clock;
        this.options = options;
    }

    public KubernetesClient client() {
        return client;
    }

    public InformerSet informers() {
        return informers;
    }

    public ComponentMetrics metrics() {
        return metrics;
    }

    public Clock clock() {
        return clock;
    }

    public ControllerManagerOptions options() {
        return options;
    }

    /** The shared informer cache of {@code type} as a store. */
    public <T extends HasMetadata> ObjectStore<T> store(Class<T> type) {
        return InformerStore.of(informers, type);
    }

    /** The shared informer cache of {@code type} as a store, with {@code index} declared on it. */
    public <T extends HasMetadata> ObjectStore<T> store(Class<T> type, StoreIndex<T> index) {
        return InformerStore.of(informers, type, index);
    }

    /** Where a controller reporting as {@code component} (e.g. {@code deployment-controller}) records events. */
    public EventSink events(String component) {
        return EventSink.of(recorders.computeIfAbsent(component, c -> new EventRecorder(client, c, null, clock)));
    }

    /** A controller named {@code name} running {@code reconciler} on the configured number of workers. */
    public Controller controller(String name, Reconciler reconciler) {
        return controller(name, reconciler, Math.max(1, options.workers()));
    }

    /** A controller named {@code name} running {@code reconciler} on {@code workers} workers. */
    public Controller controller(String name, Reconciler reconciler, int workers) {
        return new Controller(name, reconciler, workers, metrics);
    }

    @Override
    public void close() {
        recorders.values().forEach(EventRecorder::close);
    }
}
