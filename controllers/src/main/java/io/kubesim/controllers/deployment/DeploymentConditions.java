package io.kubesim.controllers.deployment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.kubesim.controllers.support.Times;

/** Deployment condition types, reasons and list operations, as Kubernetes' deployment util. Stateless. */
final class DeploymentConditions {

    static final String AVAILABLE = "Available";
    static final String PROGRESSING = "Progressing";
    static final String REPLICA_FAILURE = "ReplicaFailure";

    static final String REPLICA_SET_UPDATED = "ReplicaSetUpdated";
    static final String FAILED_RS_CREATE = "ReplicaSetCreateError";
    static final String NEW_REPLICA_SET = "NewReplicaSetCreated";
    static final String FOUND_NEW_RS = "FoundNewReplicaSet";
    static final String NEW_RS_AVAILABLE = "NewReplicaSetAvailable";
    static final String TIMED_OUT = "ProgressDeadlineExceeded";
    static final String PAUSED = "DeploymentPaused";
    static final String RESUMED = "DeploymentResumed";
    static final String MINIMUM_REPLICAS_AVAILABLE = "MinimumReplicasAvailable";
    static final String MINIMUM_REPLICAS_UNAVAILABLE = "MinimumReplicasUnavailable";

    private DeploymentConditions() {
    }

    static DeploymentCondition create(String type, String status, String reason, String message, Clock clock) {
        String now = Times.now(clock);
        DeploymentCondition c = new DeploymentCondition();
        c.setType(type);
        c.setStatus(status);
        c.setReason(reason);
        c.setMessage(message);
        c.setLastUpdateTime(now);
        c.setLastTransitionTime(now);
        return c;
    }

    static DeploymentCondition get(DeploymentStatus status, String type) {
        if (status == null || status.getConditions() == null) {
            return null;
        }
        for (DeploymentCondition c : status.getConditions()) {
            if (type.equals(c.getType())) {
                return c;
            }
        }
        return null;
    }

    /**
     * Puts {@code condition} into {@code status}, unless one of its type already has the same
     * status and reason; keeps the old transition time when only the reason changes.
     */
    static void set(DeploymentStatus status, DeploymentCondition condition) {
        DeploymentCondition current = get(status, condition.getType());
        if (current != null && current.getStatus().equals(condition.getStatus())
                && java.util.Objects.equals(current.getReason(), condition.getReason())) {
            return;
        }
        if (current != null && current.getStatus().equals(condition.getStatus())) {
            condition.setLastTransitionTime(current.getLastTransitionTime());
        }
        List<DeploymentCondition> next = without(status.getConditions(), condition.getType());
        next.add(condition);
        status.setConditions(next);
    }

    static void remove(DeploymentStatus status, String type) {
        List<DeploymentCondition> next = without(status.getConditions(), type);
        status.setConditions(next.isEmpty() ? null : next);
    }

    /** A ReplicaSet's failure condition, as it is promoted to its Deployment. */
    static DeploymentCondition fromReplicaSet(ReplicaSetCondition c) {
        DeploymentCondition d = new DeploymentCondition();
        d.setType(c.getType());
        d.setStatus(c.getStatus());
        d.setReason(c.getReason());
        d.setMessage(c.getMessage());
        d.setLastTransitionTime(c.getLastTransitionTime());
        d.setLastUpdateTime(c.getLastTransitionTime());
        return d;
    }

    private static List<DeploymentCondition> without(List<DeploymentCondition> conditions, String type) {
        List<DeploymentCondition> out = new ArrayList<>();
        if (conditions != null) {
            for (DeploymentCondition c : conditions) {
                if (!type.equals(c.getType())) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
