package io.kubesim.server.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The API server's Prometheus metrics, with the names kube-apiserver uses where one exists. All
 * meter names live here. Thread-safe.
 */
public final class ApiMetrics implements AutoCloseable {

    /** kube-apiserver's request latency buckets, in seconds. */
    private static final Duration[] REQUEST_BUCKETS = seconds(0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0,
            1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60);
    private static final Duration[] STORAGE_BUCKETS = seconds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
            0.25, 0.5, 1, 2.5, 5);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<CodedLabels, Counter> requestCounters = new ConcurrentHashMap<>();
    private final Map<RequestLabels, Timer> requestTimers = new ConcurrentHashMap<>();
    private final Map<RequestLabels, AtomicInteger> longRunning = new ConcurrentHashMap<>();
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    public ApiMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * The labels kube-apiserver puts on its request metrics ({@code component} and {@code dry_run}
     * are not modelled).
     *
     * @param verb        {@code LIST}, {@code WATCH}, {@code GET}, {@code POST}, ...
     * @param group       the API group, empty for the core group
     * @param version     the API version
     * @param resource    the plural resource name, without its group
     * @param subresource empty for the main resource (null is taken as empty)
     * @param scope       {@code resource} (one object, or a create), {@code namespace} or {@code cluster}
     */
    public record RequestLabels(String verb, String group, String version, String resource, String subresource,
                                String scope) {

        public RequestLabels {
            subresource = subresource == null ? "" : subresource;
        }

        private String[] tags() {
            return new String[] {"verb", verb, "group", group, "version", version, "resource", resource,
                    "subresource", subresource, "scope", scope};
        }
    }

    /** One finished request: {@code apiserver_request_total} and {@code apiserver_request_duration_seconds}. */
    public void request(RequestLabels labels, int code, long nanos) {
        // meters are looked up once per label set: building and registering them per request showed in profiles
        requestCounters.computeIfAbsent(new CodedLabels(labels, code), k -> Counter.builder("apiserver.request")
                .description("Counter of apiserver requests broken out for each verb, resource and HTTP response code.")
                .tags(labels.tags()).tag("code", Integer.toString(code))
                .register(registry)).increment();
        if (!"WATCH".equals(labels.verb())) {
            requestTimers.computeIfAbsent(labels, k -> Timer.builder("apiserver.request.duration")
                    .description("Response latency distribution in seconds for each verb and resource.")
                    .tags(labels.tags())
                    .serviceLevelObjectives(REQUEST_BUCKETS)
                    .register(registry)).record(Duration.ofNanos(nanos));
        }
    }

    private record CodedLabels(RequestLabels labels, int code) {
    }

    /** {@code apiserver_longrunning_requests}: a long-running request (a watch) started (+1) or ended (-1). */
    public void longRunning(RequestLabels labels, int delta) {
        longRunning.computeIfAbsent(labels, l -> {
            AtomicInteger n = new AtomicInteger();
            Gauge.builder("apiserver.longrunning.requests", n, AtomicInteger::get)
                    .description("Gauge of all active long-running apiserver requests broken out by verb and resource.")
                    .tags(l.tags())
                    .register(registry);
            return n;
        }).addAndGet(delta);
    }

    /** Events written to watchers and watchers closed for being slow. */
    public void watchEvents(String resource, long sent) {
        Counter.builder("apiserver.watch.events.sent")
                .description("Number of watch events sent to clients.")
                .tags("resource", resource).register(registry).increment(sent);
    }

    public void watchClosedSlow(String resource) {
        Counter.builder("apiserver.watch.closed.slow")
                .description("Watches closed because the client did not keep up.")
                .tags("resource", resource).register(registry).increment();
    }

    /** {@code apiserver_storage_objects{resource}}, read from {@code source} at scrape time. */
    public <T> void storageObjects(String resource, T source, ToDoubleFunction<T> count) {
        Gauge.builder("apiserver.storage.objects", source, count)
                .description("Number of stored objects at the time of last check split by kind.")
                .tags("resource", resource).register(registry);
    }

    /** A gauge read at scrape time. */
    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    /** Storage latency by operation: {@code storage_operation_duration_seconds{op}}. */
    public Timer storageTimer(String op) {
        return Timer.builder("storage.operation.duration")
                .description("Storage operation latency, from request to durable acknowledgement.")
                .tags("op", op)
                .serviceLevelObjectives(STORAGE_BUCKETS)
                .register(registry);
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }

    private static Duration[] seconds(double... s) {
        Duration[] out = new Duration[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = Duration.ofNanos((long) (s[i] * 1e9));
        }
        return out;
    }
}
