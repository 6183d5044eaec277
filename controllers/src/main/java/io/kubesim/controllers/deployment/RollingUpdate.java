package io.kubesim.controllers.deployment;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.runtime.Result;

/**
 * The RollingUpdate strategy, one step per pass as Kubernetes' {@code rolloutRolling}: grow the
 * new ReplicaSet as far as maxSurge allows; otherwise shrink old ones, first by their unhealthy
 * replicas, then as far as maxUnavailable allows given what is available; once complete, clean
 * up old revisions. Thread-safe for distinct Deployments.
 */
final class RollingUpdate {

    private final NewReplicaSets newReplicaSets;
    private final ReplicaSetScaler scaler;
    private final RolloutStatus status;

    RollingUpdate(NewReplicaSets newReplicaSets, ReplicaSetScaler scaler, RolloutStatus status) {
        this.newReplicaSets = newReplicaSets;
        this.scaler = scaler;
        this.status = status;
    }

    Result rollout(Deployment d, List<ReplicaSet> owned) {
        NewReplicaSets.Sets sets = newReplicaSets.sync(d, owned, true);
        ReplicaSet newRS = sets.newRS();
        List<ReplicaSet> all = sets.all();
        if (reconcileNew(all, newRS, d)) {
            return status.syncRolloutStatus(all, newRS, d);
        }
        if (reconcileOld(all, ReplicaSets.active(sets.old()), newRS, d)) {
            return status.syncRolloutStatus(all, newRS, d);
        }
        if (DeploymentStatuses.complete(d, d.getStatus() == null ? new DeploymentStatus() : d.getStatus())) {
            scaler.cleanup(sets.old(), d);
        }
        return status.syncRolloutStatus(all, newRS, d);
    }

    private boolean reconcileNew(List<ReplicaSet> all, ReplicaSet newRS, Deployment d) {
        int desired = RolloutMath.replicas(d);
        if (RolloutMath.replicas(newRS) == desired) {
            return false;
        }
        if (RolloutMath.replicas(newRS) > desired) {
            return scaler.scaleAndRecord(newRS, desired, d).scaled();
        }
        return scaler.scaleAndRecord(newRS, RolloutMath.newReplicaSetReplicas(d, all, newRS), d).scaled();
    }

    /**
     * Scales old ReplicaSets down by at most {@code all - minAvailable - unavailable new pods}, so
     * that broken new pods never let availability drop further.
     */
    private boolean reconcileOld(List<ReplicaSet> all, List<ReplicaSet> oldActive, ReplicaSet newRS, Deployment d) {
        if (ReplicaSets.specReplicas(oldActive) == 0) {
            return false;
        }
        int allPods = ReplicaSets.specReplicas(all);
        int minAvailable = RolloutMath.replicas(d) - RolloutMath.maxUnavailable(d);
        int newUnavailable = RolloutMath.replicas(newRS) - ReplicaSets.availableReplicas(newRS);
        int maxScaledDown = allPods - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return false;
        }
        List<ReplicaSet> old = new ArrayList<>(oldActive);
        int cleaned = cleanupUnhealthy(old, d, maxScaledDown);
        int scaledDown = scaleDownOld(ReplicaSets.all(old, newRS), old, d);
        return cleaned + scaledDown > 0;
    }

    /** Removes old replicas that are not available anyway (they cost no availability); updates {@code old}. */
    private int cleanupUnhealthy(List<ReplicaSet> old, Deployment d, int maxCleanup) {
        old.sort(ReplicaSets.BY_CREATION);
        int total = 0;
        for (int i = 0; i < old.size() && total < maxCleanup; i++) {
            ReplicaSet rs = old.get(i);
            int replicas = RolloutMath.replicas(rs);
            int available = ReplicaSets.availableReplicas(rs);
            if (replicas == 0 || replicas == available) {
                continue;
            }
            int down = Math.min(maxCleanup - total, replicas - available);
            old.set(i, scaler.scaleAndRecord(rs, replicas - down, d).rs());
            total += down;
        }
        return total;
    }

    /** Scales old ReplicaSets down, oldest first, as far as availability above minAvailable allows. */
    private int scaleDownOld(List<ReplicaSet> all, List<ReplicaSet> old, Deployment d) {
        int minAvailable = RolloutMath.replicas(d) - RolloutMath.maxUnavailable(d);
        int available = ReplicaSets.availableReplicas(all);
        if (available <= minAvailable) {
            return 0;
        }
        List<ReplicaSet> sorted = new ArrayList<>(old);
        sorted.sort(ReplicaSets.BY_CREATION);
        int toScaleDown = available - minAvailable;
        int total = 0;
        for (ReplicaSet rs : sorted) {
            if (total >= toScaleDown) {
                break;
            }
            if (RolloutMath.replicas(rs) == 0) {
                continue;
            }
            int down = Math.min(RolloutMath.replicas(rs), toScaleDown - total);
            scaler.scaleAndRecord(rs, RolloutMath.replicas(rs) - down, d);
            total += down;
        }
        return total;
    }
}
