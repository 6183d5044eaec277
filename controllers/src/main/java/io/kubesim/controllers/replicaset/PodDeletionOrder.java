package io.kubesim.controllers.replicaset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.controllers.support.Pods;

/**
 * The order in which a ReplicaSet gives up pods when it scales down, first = deleted first, as
 * Kubernetes' {@code ActivePodsWithRanks}: unscheduled before scheduled; Pending before Unknown
 * before Running; not ready before ready; lower {@code controller.kubernetes.io/pod-deletion-cost}
 * first; pods sharing a node with more of the related pods first; more recently ready first; more
 * container restarts first; newer first. Ready and creation times are compared on a logarithmic
 * scale (LogarithmicScaleDown), ties broken by UID. Immutable; usable from any thread.
 */
final class PodDeletionOrder implements Comparator<Pod> {

    static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

    private final Map<String, Integer> podsOnNode = new HashMap<>();
    private final Instant now;

    /** @param related the active pods of every ReplicaSet of the same owner (for the co-location rank) */
    PodDeletionOrder(Collection<Pod> related, Instant now) {
        for (Pod p : related) {
            if (Pods.isActive(p)) {
                podsOnNode.merge(Pods.nodeName(p), 1, Integer::sum);
            }
        }
        this.now = now;
    }

    /**
     * {@code pods} in deletion order. A merge sort of our own: the logarithmic buckets make this
     * comparator non-transitive in rare ties, which the JDK's sort may reject, while Kubernetes'
     * sort simply produces some order.
     */
    List<Pod> sort(List<Pod> pods) {
        if (pods.size() <= 1) {
            return new ArrayList<>(pods);
        }
        int mid = pods.size() / 2;
        List<Pod> left = sort(pods.subList(0, mid));
        List<Pod> right = sort(pods.subList(mid, pods.size()));
        List<Pod> out = new ArrayList<>(pods.size());
        int i = 0;
        int j = 0;
        while (i < left.size() && j < right.size()) {
            out.add(compare(right.get(j), left.get(i)) < 0 ? right.get(j++) : left.get(i++));
        }
        out.addAll(left.subList(i, left.size()));
        out.addAll(right.subList(j, right.size()));
        return out;
    }

    @Override
    public int compare(Pod a, Pod b) {
        String na = Pods.nodeName(a);
        String nb = Pods.nodeName(b);
        if (!na.equals(nb) && (na.isEmpty() || nb.isEmpty())) {
            return na.isEmpty() ? -1 : 1;
        }
        int c = Integer.compare(phaseOrdinal(a), phaseOrdinal(b));
        if (c != 0) {
            return c;
        }
        if (Pods.isReady(a) != Pods.isReady(b)) {
            return Pods.isReady(a) ? 1 : -1;
        }
        c = Integer.compare(deletionCost(a), deletionCost(b));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(rank(b), rank(a));
        if (c != 0) {
            return c;
        }
        if (Pods.isReady(a) && Pods.isReady(b)) {
            c = newerFirst(Pods.readySince(a), Pods.readySince(b), a, b);
            if (c != 0) {
                return c;
            }
        }
        c = Integer.compare(Pods.maxRestarts(b), Pods.maxRestarts(a));
        if (c != 0) {
            return c;
        }
        return newerFirst(Pods.created(a), Pods.created(b), a, b);
    }

    private int rank(Pod p) {
        return podsOnNode.getOrDefault(Pods.nodeName(p), 0);
    }

    /** Missing times first, then the more recent time, bucketed by log2 of its age; UID breaks bucket ties. */
    private int newerFirst(Instant ta, Instant tb, Pod a, Pod b) {
        if (ta == null || tb == null) {
            if (ta == null && tb == null) {
                return 0;
            }
            return ta == null ? -1 : 1;
        }
        if (ta.equals(tb)) {
            return 0;
        }
        long diff = logRank(ta) - logRank(tb);
        if (diff == 0) {
            return a.getMetadata().getUid().compareTo(b.getMetadata().getUid());
        }
        return diff < 0 ? -1 : 1;
    }

    private long logRank(Instant t) {
        long nanos = Duration.between(t, now).toNanos();
        return nanos > 0 ? 63 - Long.numberOfLeadingZeros(nanos) : -1;
    }

    private static int phaseOrdinal(Pod p) {
        return switch (Pods.phase(p)) {
            case Pods.PENDING -> 0;
            case "Unknown" -> 1;
            case Pods.RUNNING -> 2;
            default -> 0;
        };
    }

    private static int deletionCost(Pod p) {
        Map<String, String> annotations = p.getMetadata().getAnnotations();
        String v = annotations == null ? null : annotations.get(DELETION_COST);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
