package io.kubesim.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.kubesim.scheduler.framework.PluginStatus;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Snapshot;

/**
 * The scheduling loop: pops a pod, runs the {@link SchedulingAlgorithm} on a cache snapshot, and either assumes the
 * pod onto the chosen node and binds it asynchronously, or reports the failure (a {@code FailedScheduling} event,
 * the {@code PodScheduled=False} condition) and hands the pod back to the queue. Binding completes on the callback
 * executor: success records {@code Scheduled}; failure forgets the assumption and retries with backoff. At most
 * {@code maxInFlightBinds} bindings are outstanding; beyond that the loop waits, so a stalled API server slows the
 * scheduler instead of piling up requests.
 *
 * <p>One thread runs {@link #run} (or calls {@link #scheduleOne}); callbacks may run on other threads. The
 * collaborators are thread-safe.
 */
final class SchedulingLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulingLoop.class);
    static final String UNSCHEDULABLE = "Unschedulable";
    static final String SCHEDULER_ERROR = "SchedulerError";

    private final SchedulingQueue queue;
    private final SchedulerCache cache;
    private final SchedulingAlgorithm algorithm;
    private final PodApi api;
    private final EventSink events;
    private final SchedulerMetrics metrics;
    private final Clock clock;
    private final Executor callbacks;
    private final int maxInFlightBinds;
    private final Semaphore bindSlots;
    private volatile boolean stopped;

    SchedulingLoop(SchedulingQueue queue, SchedulerCache cache, SchedulingAlgorithm algorithm, PodApi api,
                   EventSink events, SchedulerMetrics metrics, Clock clock, Executor callbacks, int maxInFlightBinds) {
        this.queue = queue;
        this.cache = cache;
        this.algorithm = algorithm;
        this.api = api;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.callbacks = callbacks;
        this.maxInFlightBinds = maxInFlightBinds;
        this.bindSlots = new Semaphore(maxInFlightBinds);
    }

    @Override
    public void run() {
        while (!stopped) {
            QueuedPod next;
            try {
                next = queue.pop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next == null) {
                return;
            }
            try {
                scheduleOne(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("scheduling {} failed", next.pod().fullName(), e);
                queue.requeue(next.pod().key(), Set.of(), false);
            }
        }
    }

    /** Stops {@link #run} after the current pod. */
    void stop() {
        stopped = true;
    }

    /** Waits until no binding is outstanding, at most {@code timeout}; true if none is. */
    boolean awaitBindings(Duration timeout) throws InterruptedException {
        if (bindSlots.tryAcquire(maxInFlightBinds, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            bindSlots.release(maxInFlightBinds);
            return true;
        }
        return false;
    }

    /** One scheduling cycle for a popped pod. */
    void scheduleOne(QueuedPod queued) throws InterruptedException {
        PodInfo pod = queued.pod();
        long start = System.nanoTime();
        Snapshot snapshot = cache.snapshot();
        SchedulingAlgorithm.Result result = algorithm.schedule(pod, snapshot);
        if (result.scheduled()) {
            assumeAndBind(pod, result.node(), start);
        } else if (result.fitError() != null) {
            FitError fit = result.fitError()
                    .withPostFilterMessage(PreemptionMessage.explain(pod, result.fitError(), snapshot));
            fail(pod, true, fit.rejectors(), fit.message(), start);
        } else {
            PluginStatus error = result.error();
            fail(pod, error.isRejected(), error.plugin() == null ? Set.of() : Set.of(error.plugin()), error.message(),
                    start);
        }
    }

    private void assumeAndBind(PodInfo pod, String node, long start) throws InterruptedException {
        bindSlots.acquire();
        cache.assume(pod, node);
        try {
            api.bind(pod, node).whenCompleteAsync((ok, error) -> {
                bindSlots.release();
                if (error == null) {
                    bound(pod, node, start);
                } else {
                    bindFailed(pod, unwrap(error), start);
                }
            }, callbacks);
        } catch (RuntimeException e) {
            bindSlots.release();
            bindFailed(pod, e, start);
        }
    }

    private void bound(PodInfo pod, String node, long start) {
        queue.done(pod.key());
        events.record(pod.pod(), "Normal", "Scheduled", "Successfully assigned " + pod.fullName() + " to " + node);
        metrics.scheduled(since(start));
    }

    private void bindFailed(PodInfo pod, Throwable error, long start) {
        cache.forget(pod.key());
        if (error instanceof PodApiException e && e.code() == 404) {
            // The pod is gone; its delete event removes it from the queue as well.
            queue.delete(pod.key());
            metrics.error(since(start));
            return;
        }
        LOG.debug("binding {} failed: {}", pod.fullName(), error.getMessage());
        fail(pod, false, Set.of(), error.getMessage() == null ? error.toString() : error.getMessage(), start);
    }

    private void fail(PodInfo pod, boolean noFit, Set<String> rejectors, String message, long start) {
        if (!queue.contains(pod.key())) {
            // Deleted (or bound elsewhere) while we were deciding: nothing to report.
            return;
        }
        events.record(pod.pod(), "Warning", "FailedScheduling", message);
        String reason = noFit ? UNSCHEDULABLE : SCHEDULER_ERROR;
        PodCondition current = scheduledCondition(pod.pod());
        if (current == null || !"False".equals(current.getStatus()) || !reason.equals(current.getReason())
                || !message.equals(current.getMessage())) {
            boolean transition = current == null || !"False".equals(current.getStatus());
            api.setNotScheduled(pod, reason, message, transition ? clock.instant() : null)
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            LOG.debug("cannot update the condition of {}: {}", pod.fullName(),
                                    unwrap(error).getMessage());
                        }
                    });
        }
        queue.requeue(pod.key(), rejectors, noFit);
        if (noFit) {
            metrics.unschedulable(since(start));
        } else {
            metrics.error(since(start));
        }
    }

    private static PodCondition scheduledCondition(Pod pod) {
        List<PodCondition> conditions = pod.getStatus() == null ? null : pod.getStatus().getConditions();
        if (conditions != null) {
            for (PodCondition c : conditions) {
                if ("PodScheduled".equals(c.getType())) {
                    return c;
                }
            }
        }
        return null;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
