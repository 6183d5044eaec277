package io.kubesim.controllers.statefulset;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.Pods;

/** A StatefulSet's status from its pods, as Kubernetes' statefulset controller computes it. Stateless. */
final class StatefulSetStatuses {

    private StatefulSetStatuses() {
    }

    static StatefulSetStatus base(StatefulSet set, StatefulSetUpdater.Revisions revisions) {
        StatefulSetStatus s = new StatefulSetStatus();
        s.setObservedGeneration(set.getMetadata().getGeneration());
        s.setCurrentRevision(revisions.current());
        s.setUpdateRevision(revisions.update());
        s.setCollisionCount(revisions.collisionCount());
        if (set.getStatus() != null) {
            s.setConditions(set.getStatus().getConditions());
        }
        return s;
    }

    /** Sets the replica counts: existing, ready, available, at the current and at the update revision. */
    static void count(StatefulSetStatus s, List<Pod> pods, StatefulSetUpdater.Revisions revisions, int minReady,
                      Instant now) {
        int replicas = 0;
        int ready = 0;
        int available = 0;
        int current = 0;
        int updated = 0;
        for (Pod p : pods) {
            replicas++;
            if (Pods.isRunningAndReady(p)) {
                ready++;
                if (Pods.isAvailable(p, minReady, now)) {
                    available++;
                }
            }
            if (!Pods.isTerminating(p)) {
                String revision = StatefulPods.revision(p);
                if (revisions.current().equals(revision)) {
                    current++;
                }
                if (revisions.update().equals(revision)) {
                    updated++;
                }
            }
        }
        s.setReplicas(replicas);
        s.setReadyReplicas(ready);
        s.setAvailableReplicas(available);
        s.setCurrentReplicas(current);
        s.setUpdatedReplicas(updated);
    }

    /** Once every pod runs the update revision and is ready, that revision becomes the current one. */
    static void completeRollingUpdate(StatefulSet set, StatefulSetStatus s) {
        boolean rolling = set.getSpec().getUpdateStrategy() == null || set.getSpec().getUpdateStrategy().getType() == null
                || "RollingUpdate".equals(set.getSpec().getUpdateStrategy().getType());
        if (rolling && Numbers.orZero(s.getUpdatedReplicas()) == Numbers.orZero(s.getReplicas())
                && Numbers.orZero(s.getReadyReplicas()) == Numbers.orZero(s.getReplicas())) {
            s.setCurrentReplicas(s.getUpdatedReplicas());
            s.setCurrentRevision(s.getUpdateRevision());
        }
    }

    /** True if {@code next} differs from the recorded status in anything the controller maintains. */
    static boolean changed(StatefulSet set, StatefulSetStatus next) {
        StatefulSetStatus cur = set.getStatus() == null ? new StatefulSetStatus() : set.getStatus();
        return Numbers.orZero(next.getObservedGeneration()) > Numbers.orZero(cur.getObservedGeneration())
                || Numbers.orZero(next.getReplicas()) != Numbers.orZero(cur.getReplicas())
                || Numbers.orZero(next.getCurrentReplicas()) != Numbers.orZero(cur.getCurrentReplicas())
                || Numbers.orZero(next.getReadyReplicas()) != Numbers.orZero(cur.getReadyReplicas())
                || Numbers.orZero(next.getUpdatedReplicas()) != Numbers.orZero(cur.getUpdatedReplicas())
                || Numbers.orZero(next.getAvailableReplicas()) != Numbers.orZero(cur.getAvailableReplicas())
                || !Objects.equals(next.getCurrentRevision(), cur.getCurrentRevision())
                || !Objects.equals(next.getUpdateRevision(), cur.getUpdateRevision())
                || Numbers.orZero(next.getCollisionCount()) != Numbers.orZero(cur.getCollisionCount());
    }

    /** {@code s} with zero counts removed, as the API serializes it ({@code replicas}, {@code availableReplicas} stay). */
    static StatefulSetStatus omitZeros(StatefulSetStatus s) {
        s.setReadyReplicas(Numbers.zeroToNull(s.getReadyReplicas()));
        s.setCurrentReplicas(Numbers.zeroToNull(s.getCurrentReplicas()));
        s.setUpdatedReplicas(Numbers.zeroToNull(s.getUpdatedReplicas()));
        return s;
    }
}
