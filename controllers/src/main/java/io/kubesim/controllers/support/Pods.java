package io.kubesim.controllers.support;

import java.time.Instant;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

/** Pod state as the Kubernetes controllers read it ({@code podutil}, {@code controller_utils}). Stateless. */
public final class Pods {

    public static final String PENDING = "Pending";
    public static final String RUNNING = "Running";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";

    public static final String READY = "Ready";
    public static final String DISRUPTION_TARGET = "DisruptionTarget";

    private Pods() {
    }

    /** {@code status.phase}, or "" when not reported yet. */
    public static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "" : pod.getStatus().getPhase();
    }

    /** Succeeded or Failed: its containers will not run again. */
    public static boolean isTerminal(Pod pod) {
        String phase = phase(pod);
        return SUCCEEDED.equals(phase) || FAILED.equals(phase);
    }

    public static boolean isTerminating(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() != null;
    }

    /** Counted by controllers: neither terminal nor being deleted. */
    public static boolean isActive(Pod pod) {
        return !isTerminal(pod) && !isTerminating(pod);
    }

    /** The condition of {@code type}, if reported. */
    public static Optional<PodCondition> condition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static boolean isReady(Pod pod) {
        return condition(pod, READY).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    public static boolean isRunningAndReady(Pod pod) {
        return RUNNING.equals(phase(pod)) && isReady(pod);
    }

    /** When the pod last became ready, or null if it is not ready (or the time is unknown). */
    public static Instant readySince(Pod pod) {
        return condition(pod, READY).filter(c -> "True".equals(c.getStatus()))
                .map(c -> Times.parse(c.getLastTransitionTime())).orElse(null);
    }

    /** Ready for at least {@code minReadySeconds} at {@code now}. */
    public static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        if (!isReady(pod)) {
            return false;
        }
        if (minReadySeconds <= 0) {
            return true;
        }
        Instant since = readySince(pod);
        return since != null && since.plusSeconds(minReadySeconds).isBefore(now);
    }

    /** The highest restart count among the pod's containers. */
    public static int maxRestarts(Pod pod) {
        int max = 0;
        if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
            for (ContainerStatus s : pod.getStatus().getContainerStatuses()) {
                if (s.getRestartCount() != null) {
                    max = Math.max(max, s.getRestartCount());
                }
            }
        }
        return max;
    }

    /** {@code spec.nodeName}, or "" when unbound. */
    public static String nodeName(Pod pod) {
        return pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "" : pod.getSpec().getNodeName();
    }

    /** {@code metadata.creationTimestamp}, or null if absent. */
    public static Instant created(Pod pod) {
        return Times.parse(pod.getMetadata().getCreationTimestamp());
    }
}
