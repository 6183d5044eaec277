package io.kubesim.controllers.support;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.controllers.runtime.EventRecorder;

/**
 * Where a reconciler reports core/v1 Events: an {@link EventRecorder} in production, a list in
 * unit tests. Implementations are thread-safe and never block on the API server.
 */
@FunctionalInterface
public interface EventSink {

    String NORMAL = "Normal";
    String WARNING = "Warning";

    void event(HasMetadata object, String type, String reason, String message);

    /** Events through {@code recorder} (asynchronous, aggregated). */
    static EventSink of(EventRecorder recorder) {
        return (object, type, reason, message) -> recorder.record(object, null, type, reason, message);
    }
}
