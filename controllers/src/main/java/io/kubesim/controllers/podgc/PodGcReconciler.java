package io.kubesim.controllers.podgc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.runtime.Reconciler;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.Nodes;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.Pods;
import io.kubesim.controllers.support.Taints;
import io.kubesim.controllers.support.Times;

/**
 * Force-deletes pods nothing else will ever finish (key: {@code namespace/name}, plus the
 * {@link #TERMINATED_SWEEP} key):
 * <ul>
 *   <li>orphaned pods, bound to a node that no longer exists (after a 40 s quarantine and a live
 *       check), marked Failed with {@code DisruptionTarget} "PodGC: node no longer exists";</li>
 *   <li>terminating pods that were never scheduled;</li>
 *   <li>terminating pods on a NotReady node tainted {@code node.kubernetes.io/out-of-service};</li>
 *   <li>beyond upstream: terminating pods on a NotReady node whose grace period has run out —
 *       their kubelet is not there to finish them, and a controller waiting for them to go (a
 *       StatefulSet replacing a pod) would wait forever;</li>
 *   <li>the oldest terminated pods beyond a threshold (upstream's terminated-pod-gc-threshold).</li>
 * </ul>
 * Thread-safe for distinct keys.
 */
final class PodGcReconciler implements Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(PodGcReconciler.class);
    static final String TERMINATED_SWEEP = "@terminated-pods";
    static final Duration QUARANTINE = Duration.ofSeconds(40);
    static final Duration SWEEP_PERIOD = Duration.ofSeconds(20);

    private final ObjectStore<Pod> pods;
    private final ObjectStore<Node> nodes;
    private final PodGcWriter writer;
    private final Clock clock;
    private final int terminatedThreshold;
    /** node name → when a pod bound to it was first seen while it was missing from the cache */
    private final Map<String, Instant> missingNodes = new ConcurrentHashMap<>();

    PodGcReconciler(ObjectStore<Pod> pods, ObjectStore<Node> nodes, PodGcWriter writer, Clock clock,
                    int terminatedThreshold) {
        this.pods = pods;
        this.nodes = nodes;
        this.writer = writer;
        this.clock = clock;
        this.terminatedThreshold = terminatedThreshold;
    }

    @Override
    public Result reconcile(String key) {
        if (key.equals(TERMINATED_SWEEP)) {
            collectTerminated();
            return Result.requeueAfter(SWEEP_PERIOD);
        }
        Pod pod = pods.get(Keys.namespace(key), Keys.name(key));
        if (pod == null) {
            return Result.DONE;
        }
        Instant now = clock.instant();
        String nodeName = Pods.nodeName(pod);
        if (nodeName.isEmpty()) {
            if (Pods.isTerminating(pod)) {
                LOG.info("podgc: force deleting unscheduled terminating pod {}", key);
                writer.failAndForceDelete(pod, null);
            }
            return Result.DONE;
        }
        Node node = nodes.get(null, nodeName);
        if (node == null) {
            return collectOrphan(pod, key, nodeName, now);
        }
        missingNodes.remove(nodeName);
        if (!Pods.isTerminating(pod) || Nodes.isReady(node)) {
            return Result.DONE;
        }
        if (Taints.of(node.getSpec() == null ? null : node.getSpec().getTaints()).stream()
                .anyMatch(t -> Taints.OUT_OF_SERVICE.equals(t.getKey()))) {
            LOG.info("podgc: force deleting terminating pod {} on out-of-service node {}", key, nodeName);
            writer.failAndForceDelete(pod, null);
            return Result.DONE;
        }
        Instant deadline = Times.parse(pod.getMetadata().getDeletionTimestamp());
        if (deadline != null && now.isBefore(deadline)) {
            return Result.requeueAfter(Duration.between(now, deadline).plusMillis(100));
        }
        LOG.info("podgc: force deleting terminating pod {}: its grace period is over and node {} is not ready", key,
                nodeName);
        writer.failAndForceDelete(pod, null);
        return Result.DONE;
    }

    private Result collectOrphan(Pod pod, String key, String nodeName, Instant now) {
        Instant since = missingNodes.computeIfAbsent(nodeName, n -> now);
        Instant release = since.plus(QUARANTINE);
        if (now.isBefore(release)) {
            return Result.requeueAfter(Duration.between(now, release).plusMillis(100));
        }
        if (writer.nodeExists(nodeName)) {
            return Result.requeueAfter(QUARANTINE);
        }
        LOG.info("podgc: found orphaned pod {} assigned to node {}, deleting", key, nodeName);
        writer.failAndForceDelete(pod, new PodConditionBuilder().withType(Pods.DISRUPTION_TARGET).withStatus("True")
                .withReason("DeletionByPodGC").withMessage("PodGC: node no longer exists")
                .withLastTransitionTime(Times.format(now)).build());
        return Result.DONE;
    }

    /** Keeps at most the threshold of Succeeded/Failed pods, deleting evicted ones first, then the oldest. */
    private void collectTerminated() {
        if (terminatedThreshold <= 0) {
            return;
        }
        List<Pod> terminated = new ArrayList<>(pods.list(null).stream().filter(Pods::isTerminal).toList());
        int excess = terminated.size() - terminatedThreshold;
        if (excess <= 0) {
            return;
        }
        terminated.sort(Comparator.comparing((Pod p) -> !"Evicted".equals(p.getStatus().getReason()))
                .thenComparing(p -> p.getMetadata().getCreationTimestamp() == null ? ""
                        : p.getMetadata().getCreationTimestamp())
                .thenComparing(p -> p.getMetadata().getName()));
        LOG.info("podgc: garbage collecting {} terminated pods", excess);
        for (Pod pod : terminated.subList(0, excess)) {
            writer.failAndForceDelete(pod, null);
        }
    }
}
