package io.kubesim.controllers.deployment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.Times;

/**
 * Writes a Deployment's status after a sync: counts and the {@code Available} condition always;
 * during a rollout also {@code Progressing} (ReplicaSetUpdated while pods move,
 * NewReplicaSetAvailable once complete, ProgressDeadlineExceeded when stuck past
 * {@code progressDeadlineSeconds}), {@code ReplicaFailure} from the ReplicaSets, and the paused
 * and resumed markers — as Kubernetes' {@code syncRolloutStatus}, {@code syncDeploymentStatus}
 * and {@code checkPausedConditions}. Thread-safe for distinct Deployments.
 */
final class RolloutStatus {

    private final DeploymentStatusWriter statusWriter;
    private final Clock clock;

    RolloutStatus(DeploymentWriter writer, Clock clock) {
        this.statusWriter = new DeploymentStatusWriter(writer);
        this.clock = clock;
    }

    /** Status without progress estimation: for paused, scaling and deleted Deployments. */
    void syncDeploymentStatus(List<ReplicaSet> all, ReplicaSet newRS, Deployment d) {
        DeploymentStatus next = DeploymentStatuses.calculate(all, newRS, d, clock);
        if (!DeploymentStatuses.same(d.getStatus(), next)) {
            d.setStatus(next);
            statusWriter.write(d, false);
        }
    }

    /**
     * Status with progress estimation during a rollout; asks for a later pass when the deadline
     * check will be due with nothing else to trigger it.
     */
    Result syncRolloutStatus(List<ReplicaSet> all, ReplicaSet newRS, Deployment d) {
        DeploymentStatus next = DeploymentStatuses.calculate(all, newRS, d, clock);
        boolean deadline = DeploymentStatuses.hasProgressDeadline(d);
        if (!deadline) {
            DeploymentConditions.remove(next, DeploymentConditions.PROGRESSING);
        }
        DeploymentCondition current = DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING);
        boolean completeBefore = Numbers.orZero(next.getReplicas())
                == Numbers.orZero(next.getUpdatedReplicas())
                && current != null && DeploymentConditions.NEW_RS_AVAILABLE.equals(current.getReason());
        if (deadline && !completeBefore) {
            estimateProgress(d, newRS, next, current);
        }
        List<DeploymentCondition> failures = replicaFailures(all, newRS);
        if (!failures.isEmpty()) {
            DeploymentConditions.set(next, failures.get(0));
        } else {
            DeploymentConditions.remove(next, DeploymentConditions.REPLICA_FAILURE);
        }
        if (DeploymentStatuses.same(d.getStatus(), next)) {
            return requeueIfStuck(d, next);
        }
        d.setStatus(next);
        statusWriter.write(d, false);
        return Result.DONE;
    }

    private void estimateProgress(Deployment d, ReplicaSet newRS, DeploymentStatus next,
                                  DeploymentCondition current) {
        String subject = newRS != null ? "ReplicaSet \"" + newRS.getMetadata().getName() + "\""
                : "Deployment \"" + d.getMetadata().getName() + "\"";
        if (DeploymentStatuses.complete(d, next)) {
            DeploymentConditions.set(next, DeploymentConditions.create(DeploymentConditions.PROGRESSING, "True",
                    DeploymentConditions.NEW_RS_AVAILABLE, subject + " has successfully progressed.", clock));
        } else if (DeploymentStatuses.progressing(d, next)) {
            DeploymentCondition c = DeploymentConditions.create(DeploymentConditions.PROGRESSING, "True",
                    DeploymentConditions.REPLICA_SET_UPDATED, subject + " is progressing.", clock);
            // Progress refreshes lastUpdateTime even when the reason stays the same.
            if (current != null) {
                if ("True".equals(current.getStatus())) {
                    c.setLastTransitionTime(current.getLastTransitionTime());
                }
                DeploymentConditions.remove(next, DeploymentConditions.PROGRESSING);
            }
            DeploymentConditions.set(next, c);
        } else if (DeploymentStatuses.timedOut(d, next, clock)) {
            DeploymentConditions.set(next, DeploymentConditions.create(DeploymentConditions.PROGRESSING, "False",
                    DeploymentConditions.TIMED_OUT, subject + " has timed out progressing.", clock));
        }
    }

    /** ReplicaFailure conditions of the new ReplicaSet, else of any ReplicaSet. */
    private static List<DeploymentCondition> replicaFailures(List<ReplicaSet> all, ReplicaSet newRS) {
        List<DeploymentCondition> out = new ArrayList<>();
        if (newRS != null) {
            collectFailures(newRS, out);
        }
        if (out.isEmpty()) {
            for (ReplicaSet rs : all) {
                collectFailures(rs, out);
            }
        }
        return out;
    }

    private static void collectFailures(ReplicaSet rs, List<DeploymentCondition> out) {
        if (rs.getStatus() == null || rs.getStatus().getConditions() == null) {
            return;
        }
        for (ReplicaSetCondition c : rs.getStatus().getConditions()) {
            if (DeploymentConditions.REPLICA_FAILURE.equals(c.getType())) {
                out.add(DeploymentConditions.fromReplicaSet(c));
            }
        }
    }

    /**
     * A pass for when the progress deadline will have passed, if the rollout is neither complete
     * nor already timed out (otherwise nothing would wake the Deployment up to notice).
     */
    private Result requeueIfStuck(Deployment d, DeploymentStatus next) {
        DeploymentCondition current = DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING);
        if (!DeploymentStatuses.hasProgressDeadline(d) || current == null) {
            return Result.DONE;
        }
        if (DeploymentStatuses.complete(d, next) || DeploymentConditions.TIMED_OUT.equals(current.getReason())) {
            return Result.DONE;
        }
        Instant lastUpdate = Times.parse(current.getLastUpdateTime());
        if (lastUpdate == null) {
            return Result.DONE;
        }
        Duration after = Duration.between(clock.instant(),
                lastUpdate.plusSeconds(d.getSpec().getProgressDeadlineSeconds()));
        if (after.compareTo(Duration.ofSeconds(1)) < 0) {
            return Result.requeueAfter(Duration.ofSeconds(1));
        }
        return Result.requeueAfter(after.plusSeconds(1));
    }

    /**
     * Marks pausing and resuming in {@code Progressing} (reason DeploymentPaused/DeploymentResumed,
     * status Unknown) so time spent paused never counts against the progress deadline.
     */
    void checkPausedConditions(Deployment d) {
        if (!DeploymentStatuses.hasProgressDeadline(d)) {
            return;
        }
        DeploymentCondition c = DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING);
        if (c != null && DeploymentConditions.TIMED_OUT.equals(c.getReason())) {
            return;
        }
        boolean pausedMarked = c != null && DeploymentConditions.PAUSED.equals(c.getReason());
        boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
        if (paused == pausedMarked) {
            return;
        }
        if (d.getStatus() == null) {
            d.setStatus(new DeploymentStatus());
        }
        DeploymentConditions.set(d.getStatus(), paused
                ? DeploymentConditions.create(DeploymentConditions.PROGRESSING, "Unknown",
                        DeploymentConditions.PAUSED, "Deployment is paused", clock)
                : DeploymentConditions.create(DeploymentConditions.PROGRESSING, "Unknown",
                        DeploymentConditions.RESUMED, "Deployment is resumed", clock));
        statusWriter.write(d, false);
    }
}
