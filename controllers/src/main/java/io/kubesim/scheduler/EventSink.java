package io.kubesim.scheduler;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Where the scheduler reports {@code Scheduled} and {@code FailedScheduling} events; in production the runtime's
 * {@code EventRecorder} for {@code default-scheduler}. Implementations must not block and must be thread-safe.
 */
@FunctionalInterface
public interface EventSink {

    /** Records an event of {@code type} ({@code Normal}/{@code Warning}) about {@code pod}. */
    void record(Pod pod, String type, String reason, String message);
}
