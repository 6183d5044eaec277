package io.kubesim.controllers.runtime;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * A component's Prometheus registry with the work-queue and reconcile meters, named as
 * Kubernetes components name them ({@code workqueue_depth{name}}, {@code workqueue_adds_total},
 * {@code workqueue_retries_total}, {@code workqueue_work_duration_seconds}). Thread-safe.
 */
public final class ComponentMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ComponentMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    /** Registers {@code workqueue_depth{name}} for {@code queue}. */
    public void queue(String name, WorkQueue<?> queue) {
        Gauge.builder("workqueue.depth", queue, WorkQueue::length)
                .description("Current depth of workqueue").tag("name", name).register(registry);
    }

    public void added(String name) {
        Counter.builder("workqueue.adds").description("Total number of adds handled by workqueue")
                .tag("name", name).register(registry).increment();
    }

    public void retried(String name) {
        Counter.builder("workqueue.retries").description("Total number of retries handled by workqueue")
                .tag("name", name).register(registry).increment();
    }

    public void worked(String name, String result, Duration took) {
        Timer.builder("workqueue.work.duration")
                .description("How long in seconds processing an item from workqueue takes.")
                .tags("name", name, "result", result)
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofMillis(100),
                        Duration.ofSeconds(1), Duration.ofSeconds(10))
                .register(registry).record(took);
    }

    /** A counter of the component's own ({@code scheduler_schedule_attempts_total{result}}, ...). */
    public Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    public Timer timer(String name, String description, String... tags) {
        return Timer.builder(name).description(description).tags(tags)
                .publishPercentileHistogram().register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
