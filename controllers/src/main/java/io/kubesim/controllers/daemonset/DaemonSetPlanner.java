package io.kubesim.controllers.daemonset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDaemonSet;
import io.kubesim.controllers.support.EventSink;
import io.kubesim.controllers.support.IntOrPercent;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.Pods;

/**
 * Decides which daemon pods to create and delete, from the nodes and the DaemonSet's pods grouped
 * by target node. {@link #manage} places one pod on every eligible node, removes pods from nodes
 * that no longer admit them, replaces failed and succeeded pods (with backoff) and prunes extra
 * pods; {@link #rollingUpdate} replaces pods of older templates within maxUnavailable (or
 * maxSurge). Pure apart from the failed-pod backoff; thread-safe.
 */
final class DaemonSetPlanner {

    private final FailedPodBackoff backoff;

    DaemonSetPlanner(FailedPodBackoff backoff) {
        this.backoff = backoff;
    }

    /** Oldest first, scheduled pods before unscheduled ones (upstream's podByCreationTimestampAndPhase). */
    static final Comparator<Pod> OLDEST_SCHEDULED_FIRST = Comparator
            .comparing((Pod p) -> Pods.nodeName(p).isEmpty())
            .thenComparing(p -> Optional.ofNullable(Pods.created(p)).orElse(Instant.MAX))
            .thenComparing(p -> p.getMetadata().getName());

    DaemonSetPlan manage(DaemonSet ds, List<Node> nodes, Map<String, List<Pod>> nodeToPods, PodSpec daemonSpec,
                         String hash, Instant now) {
        List<String> createOn = new ArrayList<>();
        List<Pod> delete = new ArrayList<>();
        List<DaemonSetPlan.Notice> notices = new ArrayList<>();
        Duration requeue = null;
        Set<String> existing = new HashSet<>();
        boolean surge = allowsSurge(ds);
        for (Node node : nodes) {
            String name = node.getMetadata().getName();
            existing.add(name);
            NodeEligibility e = NodeEligibility.of(node, daemonSpec);
            List<Pod> pods = nodeToPods.getOrDefault(name, List.of());
            if (e.shouldRun() && pods.isEmpty()) {
                createOn.add(name);
            } else if (e.shouldContinueRunning()) {
                List<Pod> running = new ArrayList<>();
                for (Pod pod : pods) {
                    if (Pods.isTerminating(pod)) {
                        continue;
                    }
                    String phase = Pods.phase(pod);
                    if (phase.equals("Failed")) {
                        String key = ds.getMetadata().getUid() + "/" + observedGeneration(ds) + "/" + name;
                        Duration wait = backoff.remaining(key, now);
                        if (!wait.isZero()) {
                            requeue = min(requeue, wait);
                            continue;
                        }
                        backoff.next(key, now);
                        notices.add(new DaemonSetPlan.Notice(EventSink.WARNING, "FailedDaemonPod",
                                "Found failed daemon pod " + podRef(pod) + " on node " + name
                                        + ", will try to kill it"));
                        delete.add(pod);
                    } else if (phase.equals("Succeeded")) {
                        notices.add(new DaemonSetPlan.Notice(EventSink.NORMAL, "SucceededDaemonPod",
                                "Found succeeded daemon pod " + podRef(pod) + " on node " + name
                                        + ", will try to delete it"));
                        delete.add(pod);
                    } else {
                        running.add(pod);
                    }
                }
                running.sort(OLDEST_SCHEDULED_FIRST);
                if (!surge) {
                    delete.addAll(running.subList(Math.min(1, running.size()), running.size()));
                } else {
                    pruneSurged(ds, running, hash, now, e.shouldRun() ? createOn : null, name, delete);
                }
            } else {
                pods.stream().filter(p -> !Pods.isTerminating(p)).forEach(delete::add);
            }
        }
        // The scheduler never binds a pod pinned to a node that is gone, and pod GC only collects
        // bound pods: such pods are ours to delete.
        nodeToPods.forEach((node, pods) -> {
            if (!existing.contains(node)) {
                pods.stream().filter(p -> Pods.nodeName(p).isEmpty() && !Pods.isTerminating(p)).forEach(delete::add);
            }
        });
        return new DaemonSetPlan(createOn, delete, notices, requeue);
    }

    /**
     * With surge, a node may briefly run one old and one new pod: keep the oldest of each, and
     * drop the old one once the new one is available (or the old one stops being ready).
     */
    private static void pruneSurged(DaemonSet ds, List<Pod> running, String hash, Instant now, List<String> createOn,
                                    String node, List<Pod> delete) {
        if (running.isEmpty()) {
            if (createOn != null) {
                createOn.add(node);
            }
            return;
        }
        Pod oldestNew = null;
        Pod oldestOld = null;
        for (Pod pod : running) {
            boolean current = hash.equals(labels(pod).get(DaemonPods.HASH_LABEL));
            if (current && oldestNew == null) {
                oldestNew = pod;
            } else if (!current && oldestOld == null) {
                oldestOld = pod;
            } else {
                delete.add(pod);
            }
        }
        if (oldestNew != null && oldestOld != null && (!Pods.isReady(oldestOld)
                || Pods.isAvailable(oldestNew, minReadySeconds(ds), now))) {
            delete.add(oldestOld);
        }
    }

    /** Replaces pods of an older template; run only when no creations or deletions are in flight. */
    DaemonSetPlan rollingUpdate(DaemonSet ds, List<Node> nodes, Map<String, List<Pod>> nodeToPods, PodSpec daemonSpec,
                                String hash, Instant now) {
        Map<String, List<Pod>> byNode = new LinkedHashMap<>(nodeToPods);
        int desired = 0;
        for (Node node : nodes) {
            if (NodeEligibility.of(node, daemonSpec).shouldRun()) {
                desired++;
                byNode.putIfAbsent(node.getMetadata().getName(), List.of());
            }
        }
        RollingUpdateDaemonSet rolling = ds.getSpec().getUpdateStrategy().getRollingUpdate();
        int maxSurge = rolling == null ? 0 : IntOrPercent.scaled(rolling.getMaxSurge(), desired, true);
        int maxUnavailable = rolling == null ? 0 : IntOrPercent.scaled(rolling.getMaxUnavailable(), desired, true);
        if (desired > 0 && maxSurge == 0 && maxUnavailable == 0) {
            maxUnavailable = 1;
        }
        Optional<Long> generation = DaemonPods.templateGeneration(ds);
        int minReady = minReadySeconds(ds);
        return maxSurge == 0
                ? replaceWithinUnavailability(byNode, hash, generation, minReady, maxUnavailable, now)
                : replaceBySurging(ds, nodes, daemonSpec, byNode, hash, generation, minReady, maxSurge, now);
    }

    private static DaemonSetPlan replaceWithinUnavailability(Map<String, List<Pod>> byNode, String hash,
                                                             Optional<Long> generation, int minReady,
                                                             int maxUnavailable, Instant now) {
        int unavailable = 0;
        List<Pod> replaceNow = new ArrayList<>();
        List<Pod> candidates = new ArrayList<>();
        for (List<Pod> pods : byNode.values()) {
            Optional<Pod[]> split = newAndOld(pods, hash, generation);
            if (split.isEmpty()) {
                unavailable++;
                continue;
            }
            Pod newPod = split.get()[0];
            Pod oldPod = split.get()[1];
            if ((newPod == null) == (oldPod == null)) {
                unavailable++;
            } else if (newPod != null) {
                if (!Pods.isAvailable(newPod, minReady, now)) {
                    unavailable++;
                }
            } else if (!Pods.isAvailable(oldPod, minReady, now)) {
                replaceNow.add(oldPod);
            } else if (unavailable < maxUnavailable) {
                candidates.add(oldPod);
            }
        }
        int budget = Math.max(0, Math.min(maxUnavailable - unavailable, candidates.size()));
        replaceNow.addAll(candidates.subList(0, budget));
        return new DaemonSetPlan(List.of(), replaceNow, List.of(), null);
    }

    private static DaemonSetPlan replaceBySurging(DaemonSet ds, List<Node> nodes, PodSpec daemonSpec,
                                                  Map<String, List<Pod>> byNode, String hash,
                                                  Optional<Long> generation, int minReady, int maxSurge,
                                                  Instant now) {
        Map<String, Node> nodesByName = new LinkedHashMap<>();
        nodes.forEach(n -> nodesByName.put(n.getMetadata().getName(), n));
        int surging = 0;
        List<String> surgeNow = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        List<Pod> delete = new ArrayList<>();
        for (Map.Entry<String, List<Pod>> entry : byNode.entrySet()) {
            Optional<Pod[]> split = newAndOld(entry.getValue(), hash, generation);
            if (split.isEmpty()) {
                surging++;
                continue;
            }
            Pod newPod = split.get()[0];
            Pod oldPod = split.get()[1];
            if (oldPod == null) {
                continue;
            }
            if (newPod == null) {
                if (!Pods.isAvailable(oldPod, minReady, now)) {
                    Node node = nodesByName.get(entry.getKey());
                    if (node == null || !NodeEligibility.of(node, daemonSpec).shouldRun()) {
                        delete.add(oldPod);
                    } else {
                        surgeNow.add(entry.getKey());
                    }
                } else if (surging < maxSurge) {
                    candidates.add(entry.getKey());
                }
            } else if (!Pods.isAvailable(newPod, minReady, now)) {
                surging++;
            } else {
                delete.add(oldPod);
            }
        }
        int budget = Math.max(0, Math.min(maxSurge - surging, candidates.size()));
        surgeNow.addAll(candidates.subList(0, budget));
        return new DaemonSetPlan(surgeNow, delete, List.of(), null);
    }

    /** {new, old} among the live pods of a node, or empty when there is more than one of either. */
    private static Optional<Pod[]> newAndOld(List<Pod> pods, String hash, Optional<Long> generation) {
        Pod newPod = null;
        Pod oldPod = null;
        for (Pod pod : pods) {
            if (Pods.isTerminating(pod)) {
                continue;
            }
            if (DaemonPods.isUpdated(pod, hash, generation)) {
                if (newPod != null) {
                    return Optional.empty();
                }
                newPod = pod;
            } else {
                if (oldPod != null) {
                    return Optional.empty();
                }
                oldPod = pod;
            }
        }
        return Optional.of(new Pod[] {newPod, oldPod});
    }

    static boolean allowsSurge(DaemonSet ds) {
        if (ds.getSpec().getUpdateStrategy() == null || !"RollingUpdate".equals(ds.getSpec().getUpdateStrategy().getType())) {
            return false;
        }
        RollingUpdateDaemonSet rolling = ds.getSpec().getUpdateStrategy().getRollingUpdate();
        return rolling != null && IntOrPercent.scaled(rolling.getMaxSurge(), 1, true) > 0;
    }

    static int minReadySeconds(DaemonSet ds) {
        return Numbers.orZero(ds.getSpec().getMinReadySeconds());
    }

    private static long observedGeneration(DaemonSet ds) {
        return ds.getStatus() == null ? 0 : Numbers.orZero(ds.getStatus().getObservedGeneration());
    }

    private static Map<String, String> labels(Pod pod) {
        return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    }

    private static String podRef(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    private static Duration min(Duration a, Duration b) {
        return a == null || b.compareTo(a) < 0 ? b : a;
    }
}
