package io.kubesim.controllers.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** An {@link EventSink} that keeps what it was told, for assertions. */
public final class RecordingEvents implements EventSink {

    /** One recorded event. */
    public record Recorded(String kind, String name, String type, String reason, String message) {
    }

    private final List<Recorded> events = new CopyOnWriteArrayList<>();

    @Override
    public void event(HasMetadata object, String type, String reason, String message) {
        events.add(new Recorded(object.getKind(), object.getMetadata().getName(), type, reason, message));
    }

    public List<Recorded> all() {
        return List.copyOf(events);
    }

    public List<String> reasons() {
        return events.stream().map(Recorded::reason).toList();
    }

    public List<String> messages() {
        return events.stream().map(Recorded::message).toList();
    }
}
