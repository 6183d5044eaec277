package io.kubesim.controllers.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

/**
 * Runs one reconciler over a work queue with N worker threads: informer handlers only compute keys
 * and enqueue them ({@link #handler}), workers reconcile. A failed reconcile is retried with
 * per-key backoff; a 409 Conflict is retried quietly (someone else wrote first, a fresh read will
 * do). Thread-safe; start once, close once.
 */
public final class Controller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);

    private final String name;
    private final Reconciler reconciler;
    private final int workers;
    private final ComponentMetrics metrics;
    private final WorkQueue<String> queue;
    private final List<Thread> threads = new ArrayList<>();

    public Controller(String name, Reconciler reconciler, int workers, ComponentMetrics metrics) {
        this(name, reconciler, workers, metrics, new WorkQueue<>());
    }

    public Controller(String name, Reconciler reconciler, int workers, ComponentMetrics metrics,
                      WorkQueue<String> queue) {
        this.name = name;
        this.reconciler = reconciler;
        this.workers = workers;
        this.metrics = metrics;
        this.queue = queue;
        metrics.queue(name, queue);
    }

    public String name() {
        return name;
    }

    public WorkQueue<String> queue() {
        return queue;
    }

    public void enqueue(String key) {
        metrics.added(name);
        queue.add(key);
    }

    public void enqueueAfter(String key, Duration delay) {
        metrics.added(name);
        queue.addAfter(key, delay);
    }

    /** An informer handler that enqueues the keys {@code keysFor} maps each changed object to. */
    public <T extends HasMetadata> ResourceEventHandler<T> handler(Function<T, Collection<String>> keysFor) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                keysFor.apply(obj).forEach(Controller.this::enqueue);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                keysFor.apply(oldObj).forEach(Controller.this::enqueue);
                keysFor.apply(newObj).forEach(Controller.this::enqueue);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                keysFor.apply(obj).forEach(Controller.this::enqueue);
            }
        };
    }

    /** An informer handler that enqueues each changed object's own key. */
    public <T extends HasMetadata> ResourceEventHandler<T> ownKeyHandler() {
        return handler(o -> List.of(Keys.of(o)));
    }

    /** Starts the workers. */
    public synchronized void start() {
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, name + "-worker-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        LOG.info("controller {} started with {} workers", name, workers);
    }

    private void work() {
        while (true) {
            String key;
            try {
                key = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (key == null) {
                return;
            }
            long start = System.nanoTime();
            String outcome = "success";
            try {
                Result r = reconciler.reconcile(key);
                queue.forget(key);
                if (r != null && r.requeue()) {
                    queue.addAfter(key, r.requeueAfter());
                }
            } catch (KubernetesClientException e) {
                outcome = "error";
                if (e.getCode() == 409) {
                    LOG.debug("{}: conflict on {}, retrying", name, key);
                } else if (e.getCode() != 404) {
                    LOG.warn("{}: reconcile of {} failed: {}", name, key, e.getMessage());
                }
                metrics.retried(name);
                queue.addRateLimited(key);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                outcome = "error";
                LOG.warn("{}: reconcile of {} failed", name, key, e);
                metrics.retried(name);
                queue.addRateLimited(key);
            } finally {
                queue.done(key);
                metrics.worked(name, outcome, Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    @Override
    public synchronized void close() {
        queue.shutDown();
        for (Thread t : threads) {
            t.interrupt();
        }
        threads.clear();
    }

    /** Helper for handlers mapping one object to many keys. */
    public static Collection<String> keys(String... keys) {
        return List.of(keys);
    }
}
