package io.kubesim.controllers.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.controllers.support.EventSink;

/** Collects events as {@code "Type Reason Message"} lines. Thread-safe. */
public final class RecordedEvents implements EventSink {

    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void event(HasMetadata object, String type, String reason, String message) {
        events.add(type + " " + reason + " " + message);
    }

    public List<String> all() {
        return List.copyOf(events);
    }

    /** The events with {@code reason}. */
    public List<String> withReason(String reason) {
        return events.stream().filter(e -> e.split(" ", 3)[1].equals(reason)).toList();
    }

    public void clear() {
        events.clear();
    }
}
