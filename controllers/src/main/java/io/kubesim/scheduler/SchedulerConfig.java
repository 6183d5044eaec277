package io.kubesim.scheduler;

import java.time.Clock;
import java.time.Duration;

/**
 * How a {@link Scheduler} is set up. Immutable.
 *
 * @param schedulerName    the {@code spec.schedulerName} served
 * @param maxInFlightBinds bindings outstanding at once before the loop waits
 * @param initialBackoff   the first retry delay of a pod that failed; doubles per attempt
 * @param maxBackoff       the cap of that delay
 * @param clock            time source for queue timestamps, backoff and condition times
 */
public record SchedulerConfig(String schedulerName, int maxInFlightBinds, Duration initialBackoff,
                              Duration maxBackoff, Clock clock) {

    public static final String DEFAULT_SCHEDULER_NAME = SchedulerEventHandlers.DEFAULT_SCHEDULER;

    public SchedulerConfig {
        if (maxInFlightBinds < 1) {
            throw new IllegalArgumentException("maxInFlightBinds must be positive");
        }
    }

    /**
     * kube-scheduler's backoff (1 s doubling to 10 s) and 16 concurrent bindings: each is a connection (the client
     * speaks HTTP/1.1), and more only queue up in a busy API server.
     */
    public static SchedulerConfig defaults(String schedulerName) {
        return new SchedulerConfig(schedulerName, 16, SchedulingQueue.DEFAULT_INITIAL_BACKOFF,
                SchedulingQueue.DEFAULT_MAX_BACKOFF, Clock.systemUTC());
    }
}
