package io.kubesim.controllers.replicaset;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.kubesim.controllers.support.ApiErrors;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.Pods;
import io.kubesim.controllers.support.Times;

/**
 * A ReplicaSet's status computed from the pods it controls, as Kubernetes' {@code calculateStatus}:
 * replicas, fully labeled (carrying every template label), ready and available (ready for
 * {@code minReadySeconds}) counts, and the {@code ReplicaFailure} condition while pods cannot be
 * created ({@code FailedCreate}) or deleted ({@code FailedDelete}). Stateless.
 */
final class ReplicaSetStatuses {

    static final String REPLICA_FAILURE = "ReplicaFailure";

    private ReplicaSetStatuses() {
    }

    static ReplicaSetStatus calculate(ReplicaSet rs, List<Pod> pods, Exception manageError, Clock clock) {
        ReplicaSetStatus old = rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
        Map<String, String> templateLabels = rs.getSpec().getTemplate().getMetadata() == null ? null
                : rs.getSpec().getTemplate().getMetadata().getLabels();
        int minReady = Numbers.orZero(rs.getSpec().getMinReadySeconds());
        int fullyLabeled = 0;
        int ready = 0;
        int available = 0;
        for (Pod p : pods) {
            if (hasAll(p.getMetadata().getLabels(), templateLabels)) {
                fullyLabeled++;
            }
            if (Pods.isReady(p)) {
                ready++;
                if (Pods.isAvailable(p, minReady, clock.instant())) {
                    available++;
                }
            }
        }
        List<ReplicaSetCondition> conditions = old.getConditions() == null ? new ArrayList<>()
                : new ArrayList<>(old.getConditions());
        ReplicaSetCondition failure = find(conditions, REPLICA_FAILURE);
        if (manageError != null && failure == null) {
            int diff = pods.size() - Numbers.orZero(rs.getSpec().getReplicas());
            String reason = diff < 0 ? "FailedCreate" : diff > 0 ? "FailedDelete" : "";
            conditions.add(new ReplicaSetConditionBuilder().withType(REPLICA_FAILURE).withStatus("True")
                    .withReason(reason).withMessage(ApiErrors.message(manageError))
                    .withLastTransitionTime(Times.now(clock)).build());
        } else if (manageError == null && failure != null) {
            conditions.remove(failure);
        }
        ReplicaSetStatus s = new ReplicaSetStatus();
        s.setReplicas(pods.size());
        s.setFullyLabeledReplicas(fullyLabeled);
        s.setReadyReplicas(ready);
        s.setAvailableReplicas(available);
        s.setObservedGeneration(old.getObservedGeneration());
        s.setConditions(conditions.isEmpty() ? null : conditions);
        return s;
    }

    /** True if writing {@code next} would change anything (counts, conditions, or an unobserved generation). */
    static boolean changed(ReplicaSet rs, ReplicaSetStatus next) {
        ReplicaSetStatus cur = rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
        return Numbers.orZero(cur.getReplicas()) != Numbers.orZero(next.getReplicas())
                || Numbers.orZero(cur.getFullyLabeledReplicas()) != Numbers.orZero(next.getFullyLabeledReplicas())
                || Numbers.orZero(cur.getReadyReplicas()) != Numbers.orZero(next.getReadyReplicas())
                || Numbers.orZero(cur.getAvailableReplicas()) != Numbers.orZero(next.getAvailableReplicas())
                || !Objects.equals(rs.getMetadata().getGeneration(), cur.getObservedGeneration())
                || !Objects.equals(emptyToNull(cur.getConditions()), emptyToNull(next.getConditions()));
    }

    private static boolean hasAll(Map<String, String> labels, Map<String, String> required) {
        if (required == null) {
            return true;
        }
        for (Map.Entry<String, String> e : required.entrySet()) {
            if (labels == null || !e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static ReplicaSetCondition find(List<ReplicaSetCondition> conditions, String type) {
        for (ReplicaSetCondition c : conditions) {
            if (type.equals(c.getType())) {
                return c;
            }
        }
        return null;
    }

    private static <T> List<T> emptyToNull(List<T> l) {
        return l == null || l.isEmpty() ? null : l;
    }
}
