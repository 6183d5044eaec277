package io.kubesim.controllers.daemonset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * The pods a controller created or deleted that its informer cache has not shown yet, per owner
 * key. Overlaying them on the cache lets a reconcile that runs before the watch catches up see its
 * own writes, so it neither creates a second pod for a node nor deletes a pod twice (the role of
 * upstream's expectations). Entries go once the cache reflects them, or after {@link #TTL}.
 * Thread-safe; one owner key is only touched by one worker at a time.
 */
final class RecentPodWrites {

    static final Duration TTL = Duration.ofMinutes(5);

    private record Created(Pod pod, Instant at) {
    }

    private final Map<String, Map<String, Created>> created = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Instant>> deleted = new ConcurrentHashMap<>();

    void created(String owner, Pod pod, Instant now) {
        created.computeIfAbsent(owner, k -> new ConcurrentHashMap<>()).put(pod.getMetadata().getName(),
                new Created(pod, now));
    }

    void deleted(String owner, Pod pod, Instant now) {
        deleted.computeIfAbsent(owner, k -> new ConcurrentHashMap<>()).put(pod.getMetadata().getUid(), now);
    }

    /**
     * {@code cached} with our unobserved creations added and unobserved deletions removed; prunes
     * entries the cache now reflects or that expired.
     */
    List<Pod> overlay(String owner, List<Pod> cached, Instant now) {
        Map<String, Created> made = created.get(owner);
        Map<String, Instant> gone = deleted.get(owner);
        if (made == null && gone == null) {
            return cached;
        }
        Set<String> names = new HashSet<>();
        Set<String> reflected = new HashSet<>();
        List<Pod> out = new ArrayList<>(cached.size());
        for (Pod pod : cached) {
            names.add(pod.getMetadata().getName());
            String uid = pod.getMetadata().getUid();
            Instant deletedAt = gone == null ? null : gone.get(uid);
            if (deletedAt != null && pod.getMetadata().getDeletionTimestamp() == null && !expired(deletedAt, now)) {
                continue;
            }
            reflected.add(uid);
            out.add(pod);
        }
        if (gone != null) {
            // a deletion is reflected once the pod is terminating or absent from the cache
            Set<String> present = new HashSet<>();
            cached.forEach(p -> present.add(p.getMetadata().getUid()));
            gone.entrySet().removeIf(e -> reflected.contains(e.getKey()) || !present.contains(e.getKey())
                    || expired(e.getValue(), now));
            deleted.computeIfPresent(owner, (k, v) -> v.isEmpty() ? null : v);
        }
        if (made != null) {
            made.values().removeIf(c -> names.contains(c.pod().getMetadata().getName()) || expired(c.at(), now));
            made.values().forEach(c -> out.add(c.pod()));
            created.computeIfPresent(owner, (k, v) -> v.isEmpty() ? null : v);
        }
        return out;
    }

    /** Whether writes for {@code owner} are still waiting to show up in the cache. */
    boolean pending(String owner) {
        return !created.getOrDefault(owner, Map.of()).isEmpty() || !deleted.getOrDefault(owner, Map.of()).isEmpty();
    }

    void forget(String owner) {
        created.remove(owner);
        deleted.remove(owner);
    }

    private static boolean expired(Instant at, Instant now) {
        return at != null && at.plus(TTL).isBefore(now);
    }
}
