package io.kubesim.controllers.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.support.ApiErrors;
import io.kubesim.controllers.support.DeepCopy;
import io.kubesim.controllers.support.EventSink;
import io.kubesim.controllers.support.Numbers;

/**
 * Resizes a Deployment's ReplicaSets: one at a time with a {@code ScalingReplicaSet} event
 * ("Scaled up replica set X from 1 to 3"), proportionally across all active ones when the
 * Deployment is scaled mid-rollout, and deletes old empty ReplicaSets beyond
 * {@code revisionHistoryLimit} — as Kubernetes' {@code scale}, {@code scaleReplicaSet} and
 * {@code cleanupDeployment}. Thread-safe for distinct Deployments.
 */
final class ReplicaSetScaler {

    /** Whether a ReplicaSet was resized, and the ReplicaSet as stored afterwards. */
    record Scaled(boolean scaled, ReplicaSet rs) {
    }

    private final DeploymentWriter writer;
    private final EventSink events;

    ReplicaSetScaler(DeploymentWriter writer, EventSink events) {
        this.writer = writer;
        this.events = events;
    }

    /** Sets {@code rs} to {@code newScale} replicas if it is not already there. */
    Scaled scaleAndRecord(ReplicaSet rs, int newScale, Deployment d) {
        if (RolloutMath.replicas(rs) == newScale) {
            return new Scaled(false, rs);
        }
        return scale(rs, newScale, d);
    }

    /** Sets the size and the desired/max-replicas annotations of {@code rs}, as needed. */
    Scaled scale(ReplicaSet rs, int newScale, Deployment d) {
        int desired = RolloutMath.replicas(d);
        int max = desired + RolloutMath.maxSurge(d);
        boolean sizeChanges = RolloutMath.replicas(rs) != newScale;
        if (!sizeChanges && !ReplicaSets.replicasAnnotationsNeedUpdate(rs, desired, max)) {
            return new Scaled(false, rs);
        }
        int oldScale = RolloutMath.replicas(rs);
        ReplicaSet copy = DeepCopy.of(rs);
        copy.getSpec().setReplicas(newScale);
        ReplicaSets.setReplicasAnnotations(copy, desired, max);
        ReplicaSet updated = writer.updateReplicaSet(copy);
        if (sizeChanges) {
            events.normal(d, "ScalingReplicaSet", "Scaled " + (oldScale < newScale ? "up" : "down")
                    + " replica set " + updated.getMetadata().getName() + " from " + oldScale + " to " + newScale);
        }
        return new Scaled(sizeChanges, updated);
    }

    /**
     * Brings the ReplicaSets to the Deployment's size on a scaling event or while paused: a lone
     * active ReplicaSet takes everything; with a saturated new ReplicaSet the old ones go to zero;
     * otherwise (rolling update) the difference is shared out in proportion to their sizes, the
     * rounding leftover going to the largest.
     */
    void scale(Deployment d, ReplicaSet newRS, List<ReplicaSet> old) {
        ReplicaSet activeOrLatest = ReplicaSets.activeOrLatest(newRS, old);
        if (activeOrLatest != null) {
            if (RolloutMath.replicas(activeOrLatest) != RolloutMath.replicas(d)) {
                scaleAndRecord(activeOrLatest, RolloutMath.replicas(d), d);
            }
            return;
        }
        if (ReplicaSets.isSaturated(d, newRS)) {
            for (ReplicaSet rs : ReplicaSets.active(old)) {
                scaleAndRecord(rs, 0, d);
            }
            return;
        }
        if (!RolloutMath.isRollingUpdate(d)) {
            return;
        }
        List<ReplicaSet> active = new ArrayList<>(ReplicaSets.active(ReplicaSets.all(old, newRS)));
        int allowed = RolloutMath.replicas(d) > 0 ? RolloutMath.replicas(d) + RolloutMath.maxSurge(d) : 0;
        int toAdd = allowed - ReplicaSets.specReplicas(active);
        if (toAdd > 0) {
            active.sort(ReplicaSets.BY_SIZE_NEWER);
        } else if (toAdd < 0) {
            active.sort(ReplicaSets.BY_SIZE_OLDER);
        }
        Map<String, Integer> sizes = new HashMap<>();
        int added = 0;
        for (ReplicaSet rs : active) {
            int share = toAdd != 0 ? RolloutMath.proportion(rs, d, toAdd, added) : 0;
            sizes.put(rs.getMetadata().getName(), RolloutMath.replicas(rs) + share);
            added += share;
        }
        for (int i = 0; i < active.size(); i++) {
            ReplicaSet rs = active.get(i);
            String name = rs.getMetadata().getName();
            if (i == 0 && toAdd != 0) {
                sizes.put(name, Math.max(sizes.get(name) + toAdd - added, 0));
            }
            scale(rs, sizes.get(name), d);
        }
    }

    /**
     * Deletes the oldest old ReplicaSets beyond {@code revisionHistoryLimit} that have no
     * replicas left and whose latest spec their controller has observed.
     */
    void cleanup(List<ReplicaSet> old, Deployment d) {
        Integer limit = d.getSpec().getRevisionHistoryLimit();
        if (limit == null || limit == Integer.MAX_VALUE) {
            return;
        }
        List<ReplicaSet> cleanable = new ArrayList<>();
        for (ReplicaSet rs : old) {
            if (rs.getMetadata().getDeletionTimestamp() == null) {
                cleanable.add(rs);
            }
        }
        int diff = cleanable.size() - limit;
        if (diff <= 0) {
            return;
        }
        cleanable.sort((a, b) -> {
            int c = Long.compare(Revisions.of(a), Revisions.of(b));
            return c != 0 ? c : ReplicaSets.BY_CREATION.compare(a, b);
        });
        for (int i = 0; i < diff; i++) {
            ReplicaSet rs = cleanable.get(i);
            long observed = rs.getStatus() == null || rs.getStatus().getObservedGeneration() == null ? 0
                    : rs.getStatus().getObservedGeneration();
            long generation = rs.getMetadata().getGeneration() == null ? 0 : rs.getMetadata().getGeneration();
            boolean hasPods = rs.getStatus() != null && Numbers.orZero(rs.getStatus().getReplicas()) != 0;
            if (hasPods || RolloutMath.replicas(rs) != 0 || generation > observed) {
                continue;
            }
            try {
                writer.deleteReplicaSet(rs.getMetadata().getNamespace(), rs.getMetadata().getName());
            } catch (RuntimeException e) {
                if (!ApiErrors.isNotFound(e)) {
                    throw e;
                }
            }
        }
    }
}
