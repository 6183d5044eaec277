package io.kubesim.controllers.support;

import java.time.Duration;
import java.time.Instant;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

/** Pod predicates as the Kubernetes controllers define them ({@code podutil}, {@code controller_utils}). Stateless. */
public final class Pods {

    public static final String RUNNING = "Running";
    public static final String PENDING = "Pending";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";

    private Pods() {
    }

    public static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "" : pod.getStatus().getPhase();
    }

    public static boolean isTerminating(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() != null;
    }

    /** Counted by controllers: not finished (Succeeded/Failed) and not being deleted. */
    public static boolean isActive(Pod pod) {
        String phase = phase(pod);
        return !SUCCEEDED.equals(phase) && !FAILED.equals(phase) && !isTerminating(pod);
    }

    /** The {@code Ready} condition, or null. */
    public static PodCondition readyCondition(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return null;
        }
        for (PodCondition c : pod.getStatus().getConditions()) {
            if ("Ready".equals(c.getType())) {
                return c;
            }
        }
        return null;
    }

    public static boolean isReady(Pod pod) {
        PodCondition c = readyCondition(pod);
        return c != null && "True".equals(c.getStatus());
    }

    /** When the pod last became ready, or null if it is not ready (or the time is unknown). */
    public static Instant readySince(Pod pod) {
        PodCondition c = readyCondition(pod);
        return c != null && "True".equals(c.getStatus()) ? Times.parse(c.getLastTransitionTime()) : null;
    }

    /** Ready for at least {@code minReadySeconds} at {@code now}. */
    public static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        if (!isReady(pod)) {
            return false;
        }
        if (minReadySeconds == 0) {
            return true;
        }
        Instant since = readySince(pod);
        return since != null && since.plus(Duration.ofSeconds(minReadySeconds)).isBefore(now);
    }

    public static boolean isRunningAndReady(Pod pod) {
        return RUNNING.equals(phase(pod)) && isReady(pod);
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

    public static String nodeName(Pod pod) {
        return pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "" : pod.getSpec().getNodeName();
    }
}
