package io.kubesim.controllers.endpoints;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.kubesim.controllers.support.Pods;
import io.kubesim.controllers.support.Times;

/**
 * The {@code endpoints.kubernetes.io/last-change-trigger-time} of a sync (upstream's
 * TriggerTimeTracker): the earliest change not yet reflected — the service's creation on its
 * first sync, else the Ready transition of each pod whose readiness changed since the last sync.
 * Thread-safe; a service key is synced by one worker at a time.
 */
final class TriggerTimes {

    private record State(Instant serviceCreated, Map<String, Instant> podTimes) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** The trigger time for this sync, or null when no tracked change happened; records the new state. */
    Instant compute(String key, Service svc, List<Pod> pods) {
        State previous = states.get(key);
        Instant created = Times.parse(svc.getMetadata().getCreationTimestamp());
        Instant min = null;
        if (previous == null || !Objects.equals(previous.serviceCreated(), created)) {
            min = created;
        }
        Map<String, Instant> now = new HashMap<>();
        for (Pod pod : pods) {
            Instant t = Pods.condition(pod, Pods.READY).map(c -> Times.parse(c.getLastTransitionTime())).orElse(null);
            if (t == null) {
                continue;
            }
            now.put(pod.getMetadata().getName(), t);
            Instant before = previous == null ? null : previous.podTimes().get(pod.getMetadata().getName());
            if (!t.equals(before) && (min == null || t.isBefore(min))) {
                min = t;
            }
        }
        states.put(key, new State(created, now));
        return min;
    }

    void forget(String key) {
        states.remove(key);
    }
}
