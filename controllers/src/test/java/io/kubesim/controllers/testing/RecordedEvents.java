package io.kubesim.controllers.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.controllers.support.EventSink;

/** An {@link EventSink} that keeps what it was told, for assertions. Thread-safe. */
public final class RecordedEvents implements EventSink {

    /** One recorded event and the object it is about. */
    public record Recorded(String kind, String name, String type, String reason, String message) {

        /** {@code "Type Reason Message"}, as {@code kubectl get events} columns read. */
        public String line() {
            return type + " " + reason + " " + message;
        }
    }

    private final List<Recorded> events = new CopyOnWriteArrayList<>();

    @Override
    public void event(HasMetadata object, String type, String reason, String message) {
        events.add(new Recorded(object.getKind(), object.getMetadata().getName(), type, reason, message));
    }

    public List<Recorded> all() {
        return List.copyOf(events);
    }

    /** Every event as {@link Recorded#line()}. */
    public List<String> lines() {
        return events.stream().map(Recorded::line).toList();
    }

    /** The events with {@code reason}, as {@link Recorded#line()}. */
    public List<String> withReason(String reason) {
        return events.stream().filter(e -> e.reason().equals(reason)).map(Recorded::line).toList();
    }

    public List<String> reasons() {
        return events.stream().map(Recorded::reason).toList();
    }

    public List<String> messages() {
        return events.stream().map(Recorded::message).toList();
    }

    public void clear() {
        events.clear();
    }
}
