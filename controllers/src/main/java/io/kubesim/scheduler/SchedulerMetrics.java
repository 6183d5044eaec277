package io.kubesim.scheduler;

import java.time.Duration;

import io.kubesim.controllers.runtime.ComponentMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;

/**
 * The scheduler's own meters, named as kube-scheduler exports them: {@code scheduler_schedule_attempts_total
 * {result, profile}}, {@code scheduler_scheduling_attempt_duration_seconds{result, profile}} and
 * {@code scheduler_pending_pods{queue}}. Thread-safe.
 */
final class SchedulerMetrics {

    private static final String ATTEMPTS_HELP = "Number of attempts to schedule pods, by the result. 'unschedulable'"
            + " means a pod could not be scheduled, while 'error' means an internal scheduler problem.";
    private static final String DURATION_HELP = "Scheduling attempt latency in seconds (scheduling algorithm +"
            + " binding)";
    private static final String PENDING_HELP = "Number of pending pods, by the queue type. 'active' means number of"
            + " pods in activeQ; 'backoff' means number of pods in backoffQ; 'unschedulable' means number of pods in"
            + " unschedulablePods that the scheduler attempted to schedule and failed; 'gated' is the number of"
            + " unschedulable pods that the scheduler never attempted to schedule because they are gated.";

    private final Counter scheduled;
    private final Counter unschedulable;
    private final Counter error;
    private final Timer scheduledDuration;
    private final Timer unschedulableDuration;
    private final Timer errorDuration;

    SchedulerMetrics(ComponentMetrics metrics, String profile, SchedulingQueue queue) {
        scheduled = metrics.counter("scheduler.schedule.attempts", ATTEMPTS_HELP, "result", "scheduled",
                "profile", profile);
        unschedulable = metrics.counter("scheduler.schedule.attempts", ATTEMPTS_HELP, "result", "unschedulable",
                "profile", profile);
        error = metrics.counter("scheduler.schedule.attempts", ATTEMPTS_HELP, "result", "error", "profile", profile);
        scheduledDuration = metrics.timer("scheduler.scheduling.attempt.duration", DURATION_HELP,
                "result", "scheduled", "profile", profile);
        unschedulableDuration = metrics.timer("scheduler.scheduling.attempt.duration", DURATION_HELP,
                "result", "unschedulable", "profile", profile);
        errorDuration = metrics.timer("scheduler.scheduling.attempt.duration", DURATION_HELP,
                "result", "error", "profile", profile);
        var registry = metrics.registry();
        Gauge.builder("scheduler.pending.pods", queue, SchedulingQueue::activeCount).description(PENDING_HELP)
                .tag("queue", "active").register(registry);
        Gauge.builder("scheduler.pending.pods", queue, SchedulingQueue::backoffCount).description(PENDING_HELP)
                .tag("queue", "backoff").register(registry);
        Gauge.builder("scheduler.pending.pods", queue, SchedulingQueue::unschedulableCount).description(PENDING_HELP)
                .tag("queue", "unschedulable").register(registry);
        Gauge.builder("scheduler.pending.pods", queue, q -> 0).description(PENDING_HELP)
                .tag("queue", "gated").register(registry);
    }

    void scheduled(Duration took) {
        scheduled.increment();
        scheduledDuration.record(took);
    }

    void unschedulable(Duration took) {
        unschedulable.increment();
        unschedulableDuration.record(took);
    }

    void error(Duration took) {
        error.increment();
        errorDuration.record(took);
    }
}
