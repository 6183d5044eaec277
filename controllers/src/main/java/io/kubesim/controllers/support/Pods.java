package io.kubesim.controllers.support;

import java.time.Instant;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

/** Pod state as controllers read it (upstream's podutil). Stateless. */
public final class Pods {

    public static final String READY = "Ready";
    public static final String DISRUPTION_TARGET = "DisruptionTarget";

    private Pods() {
    }

    public static Optional<PodCondition> condition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static boolean isReady(Pod pod) {
        return condition(pod, READY).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    /** Ready for at least {@code minReadySeconds} at {@code now}. */
    public static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        Optional<PodCondition> ready = condition(pod, READY).filter(c -> "True".equals(c.getStatus()));
        if (ready.isEmpty()) {
            return false;
        }
        if (minReadySeconds <= 0) {
            return true;
        }
        Instant since = Times.parse(ready.get().getLastTransitionTime());
        return since != null && since.plusSeconds(minReadySeconds).isBefore(now);
    }

    public static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "" : pod.getStatus().getPhase();
    }

    /** Succeeded or Failed. */
    public static boolean isTerminal(Pod pod) {
        String phase = phase(pod);
        return phase.equals("Succeeded") || phase.equals("Failed");
    }

    public static boolean isTerminating(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() != null;
    }

    /** {@code spec.nodeName}, or "" when unbound. */
    public static String nodeName(Pod pod) {
        return pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "" : pod.getSpec().getNodeName();
    }

    public static Instant created(Pod pod) {
        return Times.parse(pod.getMetadata().getCreationTimestamp());
    }
}
