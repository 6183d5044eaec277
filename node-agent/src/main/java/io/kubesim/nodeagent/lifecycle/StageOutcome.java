package io.kubesim.nodeagent.lifecycle;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * The result of applying a stage to an object, computed without side effects: the object as it
 * will be, the status merge patch that gets it there, the events to record and whether to drop
 * the finalizers or delete. Immutable.
 *
 * @param object           the object after the stage
 * @param statusPatch      the JSON merge patch of {@code status}; empty when it does not change
 * @param events           the events, in order
 * @param removeFinalizers whether to clear the finalizers
 * @param delete           whether to delete the object with grace period 0
 */
public record StageOutcome(ObjectNode object, ObjectNode statusPatch, List<RecordedEvent> events,
                           boolean removeFinalizers, boolean delete) {

    public StageOutcome {
        events = List.copyOf(events);
    }

    /**
     * One event to record.
     *
     * @param fieldPath the involved object's field path, or null
     */
    public record RecordedEvent(String type, String reason, String message, String fieldPath) {
    }
}
