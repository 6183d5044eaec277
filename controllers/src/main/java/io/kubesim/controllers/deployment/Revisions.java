package io.kubesim.controllers.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

/**
 * Revision bookkeeping on ReplicaSets and their Deployment: {@value #REVISION} numbers rollouts;
 * a ReplicaSet brought back by a rollback gets the next number and remembers its earlier ones in
 * {@value #REVISION_HISTORY} (at most {@value #MAX_HISTORY_CHARS} characters); the Deployment's
 * other annotations are copied to its new ReplicaSet. As Kubernetes' deployment util. Stateless.
 */
final class Revisions {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
    static final int MAX_HISTORY_CHARS = 2000;

    /** Annotations that belong to the Deployment or ReplicaSet itself and are never copied between them. */
    private static final Set<String> NOT_COPIED = Set.of(
            "kubectl.kubernetes.io/last-applied-configuration", REVISION, REVISION_HISTORY,
            ReplicaSets.DESIRED_REPLICAS, ReplicaSets.MAX_REPLICAS, "deprecated.deployment.rollback.to");

    private Revisions() {
    }

    /** The revision number of {@code rs}; 0 if it has none, -1 if unparsable. */
    static long of(ReplicaSet rs) {
        Map<String, String> a = rs.getMetadata().getAnnotations();
        String v = a == null ? null : a.get(REVISION);
        if (v == null || v.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static long max(List<ReplicaSet> sets) {
        long max = 0;
        for (ReplicaSet rs : sets) {
            max = Math.max(max, of(rs));
        }
        return max;
    }

    /**
     * Brings the new ReplicaSet's annotations up to date ({@code rs} is a copy): the Deployment's
     * copyable annotations, the revision raised to {@code newRevision} with the old number kept in
     * the history, and for a ReplicaSet about to be created the replica annotations.
     *
     * @return true if any annotation changed
     */
    static boolean setNewReplicaSetAnnotations(Deployment d, ReplicaSet rs, String newRevision, boolean exists) {
        boolean changed = copyDeploymentAnnotations(d, rs);
        Map<String, String> a = annotations(rs.getMetadata());
        String oldRevision = a.get(REVISION);
        long oldNumber;
        try {
            oldNumber = oldRevision == null || oldRevision.isEmpty() ? 0 : Long.parseLong(oldRevision);
        } catch (NumberFormatException e) {
            return false;
        }
        long newNumber = Long.parseLong(newRevision);
        if (oldNumber < newNumber) {
            a.put(REVISION, newRevision);
            changed = true;
            if (oldRevision != null) {
                appendHistory(a, oldRevision);
            }
        }
        if (!exists && ReplicaSets.setReplicasAnnotations(rs, RolloutMath.replicas(d),
                RolloutMath.replicas(d) + RolloutMath.maxSurge(d))) {
            changed = true;
        }
        return changed;
    }

    private static void appendHistory(Map<String, String> a, String oldRevision) {
        String history = a.get(REVISION_HISTORY);
        if (history == null || history.isEmpty()) {
            a.put(REVISION_HISTORY, oldRevision);
            return;
        }
        List<String> old = new ArrayList<>(Arrays.asList(history.split(",", -1)));
        int total = history.length() + oldRevision.length() + 1;
        int start = 0;
        while (total > MAX_HISTORY_CHARS && start < old.size()) {
            total -= old.get(start).length() + 1;
            start++;
        }
        if (total <= MAX_HISTORY_CHARS) {
            List<String> kept = new ArrayList<>(old.subList(start, old.size()));
            kept.add(oldRevision);
            a.put(REVISION_HISTORY, String.join(",", kept));
        }
    }

    private static boolean copyDeploymentAnnotations(Deployment d, ReplicaSet rs) {
        Map<String, String> from = d.getMetadata().getAnnotations();
        if (from == null) {
            return false;
        }
        boolean changed = false;
        Map<String, String> to = annotations(rs.getMetadata());
        for (Map.Entry<String, String> e : from.entrySet()) {
            if (NOT_COPIED.contains(e.getKey()) || e.getValue().equals(to.get(e.getKey()))) {
                continue;
            }
            to.put(e.getKey(), e.getValue());
            changed = true;
        }
        return changed;
    }

    /** Sets the Deployment's revision annotation ({@code d} is a copy); true if it changed. */
    static boolean setDeploymentRevision(Deployment d, String revision) {
        Map<String, String> a = annotations(d.getMetadata());
        if (revision == null || revision.equals(a.get(REVISION))) {
            return false;
        }
        a.put(REVISION, revision);
        return true;
    }

    /** The (mutable) annotation map of {@code meta}, created if absent. */
    static Map<String, String> annotations(ObjectMeta meta) {
        if (meta.getAnnotations() == null) {
            meta.setAnnotations(new LinkedHashMap<>());
        }
        return meta.getAnnotations();
    }
}
