package io.kubesim.controllers.deployment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.Times;

/**
 * A Deployment's status computed from its ReplicaSets, and the rollout predicates built on it
 * (complete, progressing, timed out), as Kubernetes' {@code calculateStatus} and deployment util.
 * Zero counts are left out, as the API (omitempty) does. Stateless.
 */
final class DeploymentStatuses {

    private DeploymentStatuses() {
    }

    static DeploymentStatus calculate(List<ReplicaSet> all, ReplicaSet newRS, Deployment d, Clock clock) {
        int available = ReplicaSets.availableReplicas(all);
        int total = ReplicaSets.specReplicas(all);
        DeploymentStatus old = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        DeploymentStatus s = new DeploymentStatus();
        s.setObservedGeneration(d.getMetadata().getGeneration());
        s.setReplicas(ReplicaSets.statusReplicas(all));
        s.setUpdatedReplicas(newRS == null ? 0 : ReplicaSets.statusReplicas(List.of(newRS)));
        s.setReadyReplicas(ReplicaSets.readyReplicas(all));
        s.setAvailableReplicas(available);
        s.setUnavailableReplicas(Math.max(total - available, 0));
        s.setCollisionCount(old.getCollisionCount());
        s.setConditions(old.getConditions() == null ? null : copies(old.getConditions()));
        if (available >= RolloutMath.replicas(d) - RolloutMath.maxUnavailable(d)) {
            DeploymentConditions.set(s, DeploymentConditions.create(DeploymentConditions.AVAILABLE, "True",
                    DeploymentConditions.MINIMUM_REPLICAS_AVAILABLE, "Deployment has minimum availability.", clock));
        } else {
            DeploymentConditions.set(s, DeploymentConditions.create(DeploymentConditions.AVAILABLE, "False",
                    DeploymentConditions.MINIMUM_REPLICAS_UNAVAILABLE,
                    "Deployment does not have minimum availability.", clock));
        }
        return s;
    }

    /** Desired replicas all updated, nothing old left, all available, and the latest spec observed. */
    static boolean complete(Deployment d, DeploymentStatus s) {
        int desired = RolloutMath.replicas(d);
        return Numbers.orZero(s.getUpdatedReplicas()) == desired && Numbers.orZero(s.getReplicas()) == desired
                && Numbers.orZero(s.getAvailableReplicas()) == desired
                && Numbers.orZero(s.getObservedGeneration()) >= Numbers.orZero(d.getMetadata().getGeneration());
    }

    /** New pods created or available, or old ones gone, since the status {@code d} carries. */
    static boolean progressing(Deployment d, DeploymentStatus next) {
        DeploymentStatus old = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        int oldOld = Numbers.orZero(old.getReplicas()) - Numbers.orZero(old.getUpdatedReplicas());
        int nextOld = Numbers.orZero(next.getReplicas()) - Numbers.orZero(next.getUpdatedReplicas());
        return Numbers.orZero(next.getUpdatedReplicas()) > Numbers.orZero(old.getUpdatedReplicas()) || nextOld < oldOld
                || Numbers.orZero(next.getAvailableReplicas()) > Numbers.orZero(old.getAvailableReplicas());
    }

    /** No progress reported for {@code progressDeadlineSeconds}, or already reported as timed out. */
    static boolean timedOut(Deployment d, DeploymentStatus next, Clock clock) {
        if (!hasProgressDeadline(d)) {
            return false;
        }
        DeploymentCondition c = DeploymentConditions.get(next, DeploymentConditions.PROGRESSING);
        if (c == null || DeploymentConditions.NEW_RS_AVAILABLE.equals(c.getReason())) {
            return false;
        }
        if (DeploymentConditions.TIMED_OUT.equals(c.getReason())) {
            return true;
        }
        Instant from = Times.parse(c.getLastUpdateTime());
        return from != null
                && from.plus(Duration.ofSeconds(d.getSpec().getProgressDeadlineSeconds())).isBefore(clock.instant());
    }

    static boolean hasProgressDeadline(Deployment d) {
        Integer p = d.getSpec().getProgressDeadlineSeconds();
        return p != null && p != Integer.MAX_VALUE;
    }

    /** Semantic equality: absent counts equal zero. */
    static boolean same(DeploymentStatus a, DeploymentStatus b) {
        DeploymentStatus x = a == null ? new DeploymentStatus() : a;
        DeploymentStatus y = b == null ? new DeploymentStatus() : b;
        return Numbers.orZero(x.getObservedGeneration()) == Numbers.orZero(y.getObservedGeneration())
                && Numbers.orZero(x.getReplicas()) == Numbers.orZero(y.getReplicas())
                && Numbers.orZero(x.getUpdatedReplicas()) == Numbers.orZero(y.getUpdatedReplicas())
                && Numbers.orZero(x.getReadyReplicas()) == Numbers.orZero(y.getReadyReplicas())
                && Numbers.orZero(x.getAvailableReplicas()) == Numbers.orZero(y.getAvailableReplicas())
                && Numbers.orZero(x.getUnavailableReplicas()) == Numbers.orZero(y.getUnavailableReplicas())
                && Objects.equals(x.getCollisionCount(), y.getCollisionCount())
                && Objects.equals(emptyToNull(x.getConditions()), emptyToNull(y.getConditions()));
    }

    /** {@code s} with zero counts removed, as the API serializes it. */
    static DeploymentStatus omitZeros(DeploymentStatus s) {
        s.setReplicas(Numbers.zeroToNull(s.getReplicas()));
        s.setUpdatedReplicas(Numbers.zeroToNull(s.getUpdatedReplicas()));
        s.setReadyReplicas(Numbers.zeroToNull(s.getReadyReplicas()));
        s.setAvailableReplicas(Numbers.zeroToNull(s.getAvailableReplicas()));
        s.setUnavailableReplicas(Numbers.zeroToNull(s.getUnavailableReplicas()));
        return s;
    }

    private static List<DeploymentCondition> copies(List<DeploymentCondition> conditions) {
        List<DeploymentCondition> out = new ArrayList<>();
        for (DeploymentCondition c : conditions) {
            DeploymentCondition copy = new DeploymentCondition();
            copy.setType(c.getType());
            copy.setStatus(c.getStatus());
            copy.setReason(c.getReason());
            copy.setMessage(c.getMessage());
            copy.setLastUpdateTime(c.getLastUpdateTime());
            copy.setLastTransitionTime(c.getLastTransitionTime());
            out.add(copy);
        }
        return out;
    }

    private static <T> List<T> emptyToNull(List<T> l) {
        return l == null || l.isEmpty() ? null : l;
    }
}
