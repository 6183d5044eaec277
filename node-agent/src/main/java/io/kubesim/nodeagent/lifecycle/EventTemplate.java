package io.kubesim.nodeagent.lifecycle;

import java.util.List;

/**
 * An event a stage records, with {@code ${token}} placeholders in its message and field path.
 * With {@code forEach}, one event per kept element (e.g. one {@code Pulling} event per
 * container). A group ({@code forEach} plus nested {@code events}) records all its events for one
 * element before moving to the next, as a kubelet reports Pulled, Created, Started container by
 * container. Immutable.
 *
 * @param type      {@code Normal} or {@code Warning} (null for a group)
 * @param reason    the event reason, e.g. {@code Pulled} (null for a group)
 * @param message   the message template
 * @param fieldPath the involved object's field path template, e.g. {@code spec.containers{${container.name}}}, or null
 * @param forEach   the repetition, or null for a single event
 * @param group     the events repeated together per element; empty for a single event
 */
public record EventTemplate(String type, String reason, String message, String fieldPath, ForEach forEach,
                            List<EventTemplate> group) {

    public EventTemplate {
        group = List.copyOf(group);
    }
}
