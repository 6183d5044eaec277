package io.kubesim.controllers.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.TemplateHash;

/**
 * A Deployment's ReplicaSets: which one is new (its template equals the Deployment's), which are
 * old, their orderings, replica sums and the desired/max-replicas annotations — as Kubernetes'
 * deployment and controller utils. Lists never contain null. Stateless.
 */
final class ReplicaSets {

    static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

    /** Oldest first, names breaking ties. */
    static final Comparator<ReplicaSet> BY_CREATION = Comparator
            .comparing((ReplicaSet rs) -> nullToEmpty(rs.getMetadata().getCreationTimestamp()))
            .thenComparing(rs -> rs.getMetadata().getName());
    /** Larger first; among equals, older first (who gives up replicas first when scaling down). */
    static final Comparator<ReplicaSet> BY_SIZE_OLDER = Comparator
            .comparingInt((ReplicaSet rs) -> -RolloutMath.replicas(rs)).thenComparing(BY_CREATION);
    /** Larger first; among equals, newer first (who gets replicas first when scaling up). */
    static final Comparator<ReplicaSet> BY_SIZE_NEWER = Comparator
            .comparingInt((ReplicaSet rs) -> -RolloutMath.replicas(rs)).thenComparing(BY_CREATION.reversed());

    private ReplicaSets() {
    }

    /** The oldest ReplicaSet whose template equals the Deployment's (ignoring the hash label), or null. */
    static ReplicaSet findNew(Deployment d, List<ReplicaSet> all) {
        List<ReplicaSet> sorted = new ArrayList<>(all);
        sorted.sort(BY_CREATION);
        for (ReplicaSet rs : sorted) {
            if (TemplateHash.equalIgnoringHash(rs.getSpec().getTemplate(), d.getSpec().getTemplate())) {
                return rs;
            }
        }
        return null;
    }

    /** Every ReplicaSet except {@code newRS}. */
    static List<ReplicaSet> findOld(List<ReplicaSet> all, ReplicaSet newRS) {
        List<ReplicaSet> old = new ArrayList<>();
        for (ReplicaSet rs : all) {
            if (newRS == null || !rs.getMetadata().getUid().equals(newRS.getMetadata().getUid())) {
                old.add(rs);
            }
        }
        return old;
    }

    /** ReplicaSets that should have pods ({@code spec.replicas > 0}). */
    static List<ReplicaSet> active(List<ReplicaSet> sets) {
        return sets.stream().filter(rs -> RolloutMath.replicas(rs) > 0).toList();
    }

    /** {@code old} plus {@code newRS} if there is one. */
    static List<ReplicaSet> all(List<ReplicaSet> old, ReplicaSet newRS) {
        List<ReplicaSet> out = new ArrayList<>(old);
        if (newRS != null) {
            out.add(newRS);
        }
        return out;
    }

    /**
     * The only active ReplicaSet, or the newest one when none is active; null when several are
     * active (then scaling must be proportional).
     */
    static ReplicaSet activeOrLatest(ReplicaSet newRS, List<ReplicaSet> old) {
        if (newRS == null && old.isEmpty()) {
            return null;
        }
        List<ReplicaSet> newestFirst = new ArrayList<>(old);
        newestFirst.sort(BY_CREATION.reversed());
        List<ReplicaSet> active = active(all(newestFirst, newRS));
        if (active.isEmpty()) {
            return newRS != null ? newRS : newestFirst.get(0);
        }
        return active.size() == 1 ? active.get(0) : null;
    }

    /** True if the new ReplicaSet holds, and is annotated to hold, all the Deployment's replicas. */
    static boolean isSaturated(Deployment d, ReplicaSet rs) {
        if (rs == null) {
            return false;
        }
        Integer desired = intAnnotation(rs, DESIRED_REPLICAS);
        return desired != null && RolloutMath.replicas(rs) == RolloutMath.replicas(d)
                && desired == RolloutMath.replicas(d);
    }

    static int specReplicas(List<ReplicaSet> sets) {
        return sets.stream().mapToInt(RolloutMath::replicas).sum();
    }

    static int statusReplicas(List<ReplicaSet> sets) {
        return sets.stream().mapToInt(rs -> rs.getStatus() == null ? 0 : Numbers.orZero(rs.getStatus().getReplicas()))
                .sum();
    }

    static int readyReplicas(List<ReplicaSet> sets) {
        return sets.stream()
                .mapToInt(rs -> rs.getStatus() == null ? 0 : Numbers.orZero(rs.getStatus().getReadyReplicas())).sum();
    }

    static int availableReplicas(List<ReplicaSet> sets) {
        return sets.stream()
                .mapToInt(rs -> rs.getStatus() == null ? 0 : Numbers.orZero(rs.getStatus().getAvailableReplicas()))
                .sum();
    }

    static int availableReplicas(ReplicaSet rs) {
        return rs.getStatus() == null ? 0 : Numbers.orZero(rs.getStatus().getAvailableReplicas());
    }

    static Integer desiredReplicasAnnotation(ReplicaSet rs) {
        return intAnnotation(rs, DESIRED_REPLICAS);
    }

    static Integer maxReplicasAnnotation(ReplicaSet rs) {
        return intAnnotation(rs, MAX_REPLICAS);
    }

    /** True if the desired/max-replicas annotations differ from these values. */
    static boolean replicasAnnotationsNeedUpdate(ReplicaSet rs, int desired, int max) {
        Map<String, String> a = rs.getMetadata().getAnnotations();
        return a == null || !Integer.toString(desired).equals(a.get(DESIRED_REPLICAS))
                || !Integer.toString(max).equals(a.get(MAX_REPLICAS));
    }

    /** Sets the desired/max-replicas annotations on {@code rs} (a copy); true if anything changed. */
    static boolean setReplicasAnnotations(ReplicaSet rs, int desired, int max) {
        if (!replicasAnnotationsNeedUpdate(rs, desired, max)) {
            return false;
        }
        Map<String, String> a = Revisions.annotations(rs.getMetadata());
        a.put(DESIRED_REPLICAS, Integer.toString(desired));
        a.put(MAX_REPLICAS, Integer.toString(max));
        return true;
    }

    private static Integer intAnnotation(ReplicaSet rs, String key) {
        Map<String, String> a = rs.getMetadata().getAnnotations();
        String v = a == null ? null : a.get(key);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
