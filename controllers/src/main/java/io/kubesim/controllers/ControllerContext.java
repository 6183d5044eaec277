package io.kubesim.controllers;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubesim.controllers.runtime.ComponentMetrics;
import io.kubesim.controllers.runtime.EventRecorder;
import io.kubesim.controllers.runtime.InformerSet;

/**
 * What every controller of the controller-manager is built from: the API client, the shared
 * informers, metrics, the clock and the options. One per process; thread-safe.
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

    /** The event recorder reporting as {@code component} (e.g. {@code deployment-controller}). */
    public EventRecorder recorder(String component) {
        return recorders.computeIfAbsent(component, c -> new EventRecorder(client, c, null, clock));
    }

    @Override
    public void close() {
        recorders.values().forEach(EventRecorder::close);
    }
}
