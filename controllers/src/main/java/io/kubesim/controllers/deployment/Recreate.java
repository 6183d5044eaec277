package io.kubesim.controllers.deployment;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.Pods;

/**
 * The Recreate strategy as Kubernetes' {@code rolloutRecreate}: scale every old ReplicaSet to
 * zero, wait until none of their pods is left running, then create (if needed) and scale up the
 * new ReplicaSet. Thread-safe for distinct Deployments.
 */
final class Recreate {

    private final NewReplicaSets newReplicaSets;
    private final ReplicaSetScaler scaler;
    private final RolloutStatus status;

    Recreate(NewReplicaSets newReplicaSets, ReplicaSetScaler scaler, RolloutStatus status) {
        this.newReplicaSets = newReplicaSets;
        this.scaler = scaler;
        this.status = status;
    }

    /** @param podsByReplicaSet the pods of each owned ReplicaSet, by ReplicaSet UID */
    Result rollout(Deployment d, List<ReplicaSet> owned, Map<String, List<Pod>> podsByReplicaSet) {
        NewReplicaSets.Sets sets = newReplicaSets.sync(d, owned, false);
        ReplicaSet newRS = sets.newRS();
        boolean scaledDown = false;
        for (ReplicaSet rs : ReplicaSets.active(sets.old())) {
            scaledDown |= scaler.scaleAndRecord(rs, 0, d).scaled();
        }
        if (scaledDown || oldPodsRunning(newRS, sets.old(), podsByReplicaSet)) {
            return status.syncRolloutStatus(sets.all(), newRS, d);
        }
        if (newRS == null) {
            sets = newReplicaSets.sync(d, owned, true);
            newRS = sets.newRS();
        }
        scaler.scaleAndRecord(newRS, RolloutMath.replicas(d), d);
        if (DeploymentStatuses.complete(d, d.getStatus() == null ? new DeploymentStatus() : d.getStatus())) {
            scaler.cleanup(sets.old(), d);
        }
        return status.syncRolloutStatus(sets.all(), newRS, d);
    }

    /** True while an old ReplicaSet reports pods or any of their pods is not finished. */
    static boolean oldPodsRunning(ReplicaSet newRS, List<ReplicaSet> old, Map<String, List<Pod>> podsByReplicaSet) {
        if (ReplicaSets.statusReplicas(old) > 0) {
            return true;
        }
        for (Map.Entry<String, List<Pod>> e : podsByReplicaSet.entrySet()) {
            if (newRS != null && newRS.getMetadata().getUid().equals(e.getKey())) {
                continue;
            }
            for (Pod p : e.getValue()) {
                if (!Pods.isTerminal(p)) {
                    return true;
                }
            }
        }
        return false;
    }
}
