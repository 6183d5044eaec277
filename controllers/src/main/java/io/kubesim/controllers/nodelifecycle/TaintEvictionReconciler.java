package io.kubesim.controllers.nodelifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.controllers.runtime.Reconciler;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.ApiErrors;
import io.kubesim.controllers.support.EventSink;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.Pods;
import io.kubesim.controllers.support.StoreIndex;
import io.kubesim.controllers.support.Taints;
import io.kubesim.controllers.support.Times;

/**
 * Taint-based eviction for the pods of one node (key: node name), as upstream's taint eviction
 * controller: a pod that does not tolerate one of the node's NoExecute taints is deleted at once;
 * one that tolerates them all is deleted when the smallest {@code tolerationSeconds} among the
 * tolerations used has passed since the controller first saw it exposed (no seconds: never).
 * Deletion is announced with {@code TaintManagerEviction} "Marking for deletion Pod ns/name", and
 * a cancelled one (taint gone) with "Cancelling deletion of Pod ns/name". Thread-safe for
 * distinct keys.
 */
final class TaintEvictionReconciler implements Reconciler {

    private final ObjectStore<Node> nodes;
    private final ObjectStore<Pod> pods;
    private final EvictionWriter writer;
    private final EventSink events;
    private final Clock clock;
    /** node → pod uid → when the pod was first seen on the tainted node with a finite toleration. */
    private final Map<String, Map<String, Instant>> scheduled = new ConcurrentHashMap<>();
    /** node → uids of pods evicted whose deletion the cache may not show yet (not evicted twice). */
    private final Map<String, Set<String>> evicted = new ConcurrentHashMap<>();

    TaintEvictionReconciler(ObjectStore<Node> nodes, ObjectStore<Pod> pods, EvictionWriter writer, EventSink events,
                            Clock clock) {
        this.nodes = nodes;
        this.pods = pods;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Result reconcile(String nodeName) {
        Node node = nodes.get(null, nodeName);
        List<Taint> noExecute = node == null ? List.of() : Taints.of(node.getSpec() == null ? null
                : node.getSpec().getTaints()).stream().filter(t -> Taints.hasEffect(t, Taints.NO_EXECUTE)).toList();
        Map<String, Instant> previous = scheduled.getOrDefault(nodeName, Map.of());
        Map<String, Instant> next = new ConcurrentHashMap<>();
        Set<String> alreadyEvicted = evicted.getOrDefault(nodeName, Set.of());
        Set<String> stillEvicted = ConcurrentHashMap.newKeySet();
        Instant now = clock.instant();
        Duration wait = null;
        KubernetesClientException failure = null;
        for (Pod pod : pods.byIndex(StoreIndex.PODS_BY_NODE, nodeName)) {
            String uid = pod.getMetadata().getUid();
            if (alreadyEvicted.contains(uid) && !Pods.isTerminating(pod)) {
                stillEvicted.add(uid);
                continue;
            }
            if (noExecute.isEmpty() || Pods.isTerminating(pod)) {
                cancel(pod, previous.containsKey(uid));
                continue;
            }
            List<Toleration> tolerations = Taints.tolerations(pod.getSpec().getTolerations());
            Optional<List<Toleration>> used = Taints.matchingTolerations(noExecute, tolerations);
            Optional<Duration> tolerated = used.isEmpty() ? Optional.of(Duration.ZERO) : minTolerationTime(used.get());
            if (tolerated.isEmpty()) {
                cancel(pod, previous.containsKey(uid));
                continue;
            }
            Instant since = previous.getOrDefault(uid, now);
            Instant due = since.plus(tolerated.get());
            if (now.isBefore(due)) {
                next.put(uid, since);
                Duration left = Duration.between(now, due);
                wait = wait == null || left.compareTo(wait) < 0 ? left : wait;
                continue;
            }
            try {
                events.normal(pod, "TaintManagerEviction",
                        "Marking for deletion Pod " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
                writer.evict(pod, Times.format(now));
                stillEvicted.add(uid);
            } catch (KubernetesClientException e) {
                if (!ApiErrors.isNotFound(e)) {
                    next.put(uid, since);
                    failure = e;
                }
            }
        }
        if (next.isEmpty()) {
            scheduled.remove(nodeName);
        } else {
            scheduled.put(nodeName, next);
        }
        if (stillEvicted.isEmpty()) {
            evicted.remove(nodeName);
        } else {
            evicted.put(nodeName, stillEvicted);
        }
        if (failure != null) {
            throw failure;
        }
        return wait == null ? Result.DONE : Result.requeueAfter(wait.plusMillis(50));
    }

    private void cancel(Pod pod, boolean wasScheduled) {
        if (wasScheduled) {
            events.normal(pod, "TaintManagerEviction", "Cancelling deletion of Pod "
                    + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
        }
    }

    /** The smallest tolerationSeconds among {@code used} (≤0 counts as 0), or empty when none limits it. */
    static Optional<Duration> minTolerationTime(List<Toleration> used) {
        Long min = null;
        for (Toleration t : used) {
            Long seconds = t.getTolerationSeconds();
            if (seconds != null) {
                long s = Math.max(0, seconds);
                min = min == null || s < min ? s : min;
            }
        }
        return min == null ? Optional.empty() : Optional.of(Duration.ofSeconds(min));
    }
}
