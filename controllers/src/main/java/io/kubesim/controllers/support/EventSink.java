package io.kubesim.controllers.support;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.controllers.runtime.EventRecorder;

/**
 * Where a controller reports core/v1 Events about the objects it manages. Production code records
 * through an {@link EventRecorder} ({@link #of}); tests collect them. Implementations must be
 * thread-safe and must not block the caller for long.
 */
@FunctionalInterface
public interface EventSink {

    /** An event of {@code type} ({@code Normal} or {@code Warning}) about {@code object}. */
    void event(HasMetadata object, String type, String reason, String message);

    default void normal(HasMetadata object, String reason, String message) {
        event(object, "Normal", reason, message);
    }

    default void warning(HasMetadata object, String reason, String message) {
        event(object, "Warning", reason, message);
    }

    /** A sink recording through {@code recorder}. */
    static EventSink of(EventRecorder recorder) {
        return (object, type, reason, message) -> recorder.record(object, null, type, reason, message);
    }
}
