package io.kubesim.controllers.statefulset;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.Pods;
import io.kubesim.controllers.support.SlowStart;

/**
 * One pass of Kubernetes' {@code updateStatefulSet}: bring the pods with ordinals in range to
 * existence and health, remove those out of range, then replace pods at an outdated revision. With
 * the default OrderedReady policy each step waits for its predecessors to be Running and Ready
 * and the pass stops at the first thing it waits for (pods appear 0, 1, 2… and go away from the
 * highest ordinal); with Parallel everything happens at once. Rolling updates replace one pod at a
 * time from the highest ordinal down to the partition. Thread-safe for distinct StatefulSets.
 */
final class StatefulSetUpdater {

    /** Most pod operations in flight in one Parallel step (Kubernetes' {@code MaxBatchSize}). */
    static final int MAX_BATCH = 500;

    /** The revisions of a pass: what the spec wants now, and what the set had fully rolled out. */
    record Revisions(String current, String update, int collisionCount) {
    }

    /** The status to record after a pass, and the error that cut it short (null if none). */
    record Pass(StatefulSetStatus status, Exception error) {
    }

    private final StatefulPodControl control;
    private final Executor podOps;
    private final Clock clock;

    StatefulSetUpdater(StatefulPodControl control, Executor podOps, Clock clock) {
        this.control = control;
        this.podOps = podOps;
        this.clock = clock;
    }

    /**
     * Acts on {@code set} (given the pods it owns) and returns the status to record, which is
     * recorded even when a write failed part-way.
     */
    Pass update(StatefulSet set, Revisions revisions, List<Pod> owned) throws InterruptedException {
        int minReady = Numbers.orZero(set.getSpec().getMinReadySeconds());
        Instant now = clock.instant();
        int start = StatefulPods.startOrdinal(set);
        int count = Numbers.orZero(set.getSpec().getReplicas());
        Pod[] replicas = new Pod[count];
        List<Pod> condemned = new ArrayList<>();
        for (Pod p : owned) {
            int ord = StatefulPods.ordinal(p);
            if (ord >= start && ord < start + count) {
                replicas[ord - start] = p;
            } else if (ord >= 0) {
                condemned.add(p);
            }
        }
        condemned.sort(Comparator.comparingInt(StatefulPods::ordinal).reversed());
        Pod firstUnhealthy = firstUnhealthy(replicas, condemned, minReady, now);
        StatefulSetStatus status = StatefulSetStatuses.base(set, revisions);
        StatefulSetStatuses.count(status, owned, revisions, minReady, now);
        if (set.getMetadata().getDeletionTimestamp() != null) {
            return new Pass(status, null);
        }
        try {
            act(set, revisions, replicas, condemned, firstUnhealthy, status, minReady, now);
            return new Pass(status, null);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return new Pass(status, e);
        }
    }

    private void act(StatefulSet set, Revisions revisions, Pod[] replicas, List<Pod> condemned, Pod firstUnhealthy,
                     StatefulSetStatus status, int minReady, Instant now) throws Exception {
        int start = StatefulPods.startOrdinal(set);
        int count = replicas.length;
        boolean monotonic = !"Parallel".equals(set.getSpec().getPodManagementPolicy());
        if (runForAll(count, i -> processReplica(set, revisions, replicas, i, start, monotonic, minReady, now),
                monotonic)) {
            return;
        }
        if (runForAll(condemned.size(),
                i -> processCondemned(set, condemned.get(i), firstUnhealthy, monotonic, minReady, now), monotonic)) {
            return;
        }
        if (set.getSpec().getUpdateStrategy() != null
                && "OnDelete".equals(set.getSpec().getUpdateStrategy().getType())) {
            return;
        }
        int partition = partition(set);
        for (int target = count - 1; target >= partition; target--) {
            Pod pod = replicas[target];
            if (pod != null && !revisions.update().equals(StatefulPods.revision(pod)) && !Pods.isTerminating(pod)) {
                control.delete(set, pod);
                status.setCurrentReplicas(Numbers.orZero(status.getCurrentReplicas()) - 1);
                return;
            }
            if (StatefulPods.isUnavailable(pod, minReady, now)) {
                return;
            }
        }
    }

    /** @return true if the pass must stop here (something to wait for, or a write was made) */
    private boolean processReplica(StatefulSet set, Revisions revisions, Pod[] replicas, int i, int start,
                                   boolean monotonic, int minReady, Instant now) {
        Pod pod = replicas[i];
        if (pod != null && Pods.isTerminal(pod)) {
            // Replaced once the API server has removed it: the name must be free first.
            if (!Pods.isTerminating(pod)) {
                control.delete(set, pod);
            }
            return true;
        }
        if (pod == null) {
            int ordinal = start + i;
            // Kubernetes would recreate pods below a partition at the current revision; without
            // stored revisions only the update revision's template is known, so it is used.
            control.create(set, StatefulPods.newPod(set, set.getSpec().getTemplate(), ordinal, revisions.update()));
            return monotonic;
        }
        if (monotonic && (Pods.isTerminating(pod) || !Pods.isRunningAndReady(pod)
                || !Pods.isAvailable(pod, minReady, now))) {
            return true;
        }
        if (!StatefulPods.identityMatches(set, pod)) {
            control.updateIdentity(set, pod);
        }
        return false;
    }

    private boolean processCondemned(StatefulSet set, Pod pod, Pod firstUnhealthy, boolean monotonic, int minReady,
                                     Instant now) {
        if (Pods.isTerminating(pod)) {
            return monotonic;
        }
        if (monotonic && pod != firstUnhealthy
                && (!Pods.isRunningAndReady(pod) || !Pods.isAvailable(pod, minReady, now))) {
            return true;
        }
        control.delete(set, pod);
        return true;
    }

    private static Pod firstUnhealthy(Pod[] replicas, List<Pod> condemned, int minReady, Instant now) {
        for (Pod p : replicas) {
            if (p != null && StatefulPods.isUnavailable(p, minReady, now)) {
                return p;
            }
        }
        for (int i = condemned.size() - 1; i >= 0; i--) {
            if (StatefulPods.isUnavailable(condemned.get(i), minReady, now)) {
                return condemned.get(i);
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface Step {
        boolean run(int i) throws Exception;
    }

    /**
     * Runs {@code step} for 0..n-1: in order, stopping at the first that asks to (monotonic), or
     * all at once in slow-start batches, stopping only on an error (parallel).
     *
     * @return true if the pass must stop
     */
    private boolean runForAll(int n, Step step, boolean monotonic) throws Exception {
        if (monotonic) {
            for (int i = 0; i < n; i++) {
                if (step.run(i)) {
                    return true;
                }
            }
            return false;
        }
        AtomicInteger next = new AtomicInteger();
        SlowStart.Outcome outcome = SlowStart.run(n, 1, MAX_BATCH, podOps, () -> step.run(next.getAndIncrement()));
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return false;
    }

    private static int partition(StatefulSet set) {
        if (set.getSpec().getUpdateStrategy() == null || set.getSpec().getUpdateStrategy().getRollingUpdate() == null
                || set.getSpec().getUpdateStrategy().getRollingUpdate().getPartition() == null) {
            return 0;
        }
        return set.getSpec().getUpdateStrategy().getRollingUpdate().getPartition();
    }
}
