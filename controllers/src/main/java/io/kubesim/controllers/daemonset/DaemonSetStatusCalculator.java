package io.kubesim.controllers.daemonset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.Pods;

/**
 * A DaemonSet's status from its nodes and pods, counted as upstream counts it: per eligible node
 * the oldest daemon pod decides ready/available/updated; pods on nodes that do not admit the set
 * are misscheduled. Stateless.
 */
final class DaemonSetStatusCalculator {

    private DaemonSetStatusCalculator() {
    }

    static DaemonSetStatus compute(DaemonSet ds, List<Node> nodes, Map<String, List<Pod>> nodeToPods,
                                   PodSpec daemonSpec, String hash, Instant now) {
        int desired = 0;
        int current = 0;
        int misscheduled = 0;
        int ready = 0;
        int available = 0;
        int updated = 0;
        Optional<Long> generation = DaemonPods.templateGeneration(ds);
        int minReady = DaemonSetPlanner.minReadySeconds(ds);
        for (Node node : nodes) {
            List<Pod> pods = nodeToPods.getOrDefault(node.getMetadata().getName(), List.of());
            boolean scheduled = !pods.isEmpty();
            if (!NodeEligibility.of(node, daemonSpec).shouldRun()) {
                misscheduled += scheduled ? 1 : 0;
                continue;
            }
            desired++;
            if (!scheduled) {
                continue;
            }
            current++;
            List<Pod> sorted = new ArrayList<>(pods);
            sorted.sort(DaemonSetPlanner.OLDEST_SCHEDULED_FIRST);
            Pod pod = sorted.get(0);
            if (Pods.isReady(pod)) {
                ready++;
                if (Pods.isAvailable(pod, minReady, now)) {
                    available++;
                }
            }
            if (DaemonPods.isUpdated(pod, hash, generation)) {
                updated++;
            }
        }
        DaemonSetStatus old = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
        return new DaemonSetStatusBuilder(old)
                .withDesiredNumberScheduled(desired)
                .withCurrentNumberScheduled(current)
                .withNumberMisscheduled(misscheduled)
                .withNumberReady(ready)
                .withNumberAvailable(available)
                .withUpdatedNumberScheduled(updated)
                .withNumberUnavailable(desired - available)
                .withObservedGeneration(ds.getMetadata().getGeneration())
                .build();
    }

    /** Whether writing {@code computed} would change anything the controller owns. */
    static boolean differs(DaemonSet ds, DaemonSetStatus computed) {
        DaemonSetStatus s = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
        return !Objects.equals(Numbers.orZero(s.getDesiredNumberScheduled()), computed.getDesiredNumberScheduled())
                || !Objects.equals(Numbers.orZero(s.getCurrentNumberScheduled()), computed.getCurrentNumberScheduled())
                || !Objects.equals(Numbers.orZero(s.getNumberMisscheduled()), computed.getNumberMisscheduled())
                || !Objects.equals(Numbers.orZero(s.getNumberReady()), computed.getNumberReady())
                || !Objects.equals(Numbers.orZero(s.getNumberAvailable()), computed.getNumberAvailable())
                || !Objects.equals(Numbers.orZero(s.getUpdatedNumberScheduled()), computed.getUpdatedNumberScheduled())
                || !Objects.equals(Numbers.orZero(s.getNumberUnavailable()), computed.getNumberUnavailable())
                || s.getObservedGeneration() == null
                || (computed.getObservedGeneration() != null && s.getObservedGeneration() < computed.getObservedGeneration());
    }
}
