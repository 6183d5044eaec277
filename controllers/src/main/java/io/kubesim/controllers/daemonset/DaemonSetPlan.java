package io.kubesim.controllers.daemonset;

import java.time.Duration;
import java.util.List;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * What one pass of the DaemonSet controller will do: create a pod on each of {@code createOn},
 * delete {@code delete}, report {@code notices} as events, and look again after
 * {@code requeueAfter} (null: only when something changes). Immutable.
 */
record DaemonSetPlan(List<String> createOn, List<Pod> delete, List<Notice> notices, Duration requeueAfter) {

    /** An event to record on the DaemonSet. */
    record Notice(String type, String reason, String message) {
    }

    DaemonSetPlan {
        createOn = List.copyOf(createOn);
        delete = List.copyOf(delete);
        notices = List.copyOf(notices);
    }

    boolean changesPods() {
        return !createOn.isEmpty() || !delete.isEmpty();
    }
}
