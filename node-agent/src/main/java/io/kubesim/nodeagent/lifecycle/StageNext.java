package io.kubesim.nodeagent.lifecycle;

import java.util.List;

/**
 * What a stage does when it applies, in this order: write the status (merged into the current
 * one), record the events, remove all finalizers, delete the object (grace period 0). Immutable.
 *
 * @param status           the status template, or null to leave the status alone
 * @param events           the events to record
 * @param removeFinalizers whether to clear {@code metadata.finalizers}
 * @param delete           whether to delete the object
 */
public record StageNext(StatusTemplate status, List<EventTemplate> events, boolean removeFinalizers,
                        boolean delete) {

    public StageNext {
        events = List.copyOf(events);
    }
}
