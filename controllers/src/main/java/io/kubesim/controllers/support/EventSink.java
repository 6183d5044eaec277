package io.kubesim.controllers.support;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.controllers.runtime.EventRecorder;

/**
 * Where a controller reports core/v1 Events about the objects it manages: an {@link EventRecorder}
 * in production ({@link #of}), a list in unit tests. Implementations are thread-safe and must not
 * block the caller on the API server.
 */
@FunctionalInterface
public interface EventSink {

    String NORMAL = "Normal";
    String WARNING = "Warning";

    /** An event of {@code type} ({@link #NORMAL} or {@link #WARNING}) about {@code object}. */
    void event(HasMetadata object, String type, String reason, String message);

    default void normal(HasMetadata object, String reason, String message) {
        event(object, NORMAL, reason, message);
    }

    default void warning(HasMetadata object, String reason, String message) {
        event(object, WARNING, reason, message);
    }

    /** A sink recording through {@code recorder} (asynchronous, aggregated). */
    static EventSink of(EventRecorder recorder) {
        return (object, type, reason, message) -> recorder.record(object, null, type, reason, message);
    }
}
