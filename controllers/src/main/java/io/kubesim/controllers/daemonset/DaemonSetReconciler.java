package io.kubesim.controllers.daemonset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.runtime.Reconciler;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.ApiErrors;
import io.kubesim.controllers.support.EventSink;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.OwnerRefs;
import io.kubesim.controllers.support.Selectors;
import io.kubesim.controllers.support.StoreIndex;
import io.kubesim.controllers.support.TemplateHash;

/**
 * Reconciles one DaemonSet ({@code namespace/name} key): one pod per eligible node, placed by the
 * scheduler through a node-name affinity; rolling updates within maxUnavailable/maxSurge; status
 * counters. Pods are the DaemonSet's when their controller reference names its uid (orphans are
 * not adopted). No ControllerRevision objects are kept: the revision is only the
 * {@code controller-revision-hash} label. Thread-safe for distinct keys.
 */
public final class DaemonSetReconciler implements Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonSetReconciler.class);
    /** Pods by the uid of their controller (upstream's per-owner pod lists). */
    static final StoreIndex<Pod> PODS_BY_CONTROLLER = new StoreIndex<>("kubesim/pods-by-controller-uid",
            p -> OwnerRefs.controllerOf(p).map(r -> List.of(r.getUid())).orElse(List.of()));

    private final ObjectStore<DaemonSet> daemonSets;
    private final ObjectStore<Node> nodes;
    private final ObjectStore<Pod> pods;
    private final DaemonSetWriter writer;
    private final EventSink events;
    private final Clock clock;
    private final DaemonSetPlanner planner = new DaemonSetPlanner(new FailedPodBackoff());
    private final RecentPodWrites recent = new RecentPodWrites();

    DaemonSetReconciler(ObjectStore<DaemonSet> daemonSets, ObjectStore<Node> nodes, ObjectStore<Pod> pods,
                        DaemonSetWriter writer, EventSink events, Clock clock) {
        this.daemonSets = daemonSets;
        this.nodes = nodes;
        this.pods = pods;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Result reconcile(String key) {
        DaemonSet ds = daemonSets.get(Keys.namespace(key), Keys.name(key));
        if (ds == null) {
            recent.forget(key);
            return Result.DONE;
        }
        LabelSelector selector = ds.getSpec().getSelector();
        if (selector == null || Selectors.isEmpty(selector)) {
            events.warning(ds, "SelectingAll",
                    "This daemon set is selecting all pods. A non-empty selector is required.");
            return Result.DONE;
        }
        if (ds.getMetadata().getDeletionTimestamp() != null) {
            // Its pods may be mid-way through foreground or orphan deletion: no status is meaningful.
            return Result.DONE;
        }
        Instant now = clock.instant();
        List<Node> nodeList = nodes.list(null);
        String hash = TemplateHash.compute(ds.getSpec().getTemplate(),
                ds.getStatus() == null ? null : ds.getStatus().getCollisionCount());
        PodSpec daemonSpec = DaemonPods.withDaemonTolerations(ds.getSpec().getTemplate().getSpec());
        boolean quiet = !recent.pending(key);

        DaemonSetPlan plan = planner.manage(ds, nodeList, nodeToPods(ds, key, now), daemonSpec, hash, now);
        Duration requeue = plan.requeueAfter();
        execute(ds, key, plan, hash, now);
        if (quiet && !plan.changesPods() && "RollingUpdate".equals(strategy(ds))) {
            DaemonSetPlan rolling = planner.rollingUpdate(ds, nodeList, nodeToPods(ds, key, now), daemonSpec, hash,
                    now);
            execute(ds, key, rolling, hash, now);
        }
        DaemonSetStatus status = DaemonSetStatusCalculator.compute(ds, nodeList, nodeToPods(ds, key, now),
                daemonSpec, hash, now);
        if (DaemonSetStatusCalculator.differs(ds, status)) {
            writer.updateStatus(ds, status);
        }
        int minReady = DaemonSetPlanner.minReadySeconds(ds);
        if (minReady > 0 && !status.getNumberReady().equals(status.getNumberAvailable())) {
            // availability is a matter of time passing: look again when the ready pods qualify
            Duration wait = Duration.ofSeconds(minReady);
            requeue = requeue == null || wait.compareTo(requeue) < 0 ? wait : requeue;
        }
        return requeue == null ? Result.DONE : Result.requeueAfter(requeue);
    }

    /** The set's pods (by controller uid, with our unobserved writes) grouped by target node. */
    private Map<String, List<Pod>> nodeToPods(DaemonSet ds, String key, Instant now) {
        List<Pod> owned = recent.overlay(key, pods.byIndex(PODS_BY_CONTROLLER, ds.getMetadata().getUid()), now);
        Map<String, List<Pod>> byNode = new HashMap<>();
        for (Pod pod : owned) {
            Optional<String> node = DaemonPods.targetNode(pod);
            node.ifPresent(n -> byNode.computeIfAbsent(n, x -> new ArrayList<>()).add(pod));
        }
        return byNode;
    }

    private void execute(DaemonSet ds, String key, DaemonSetPlan plan, String hash, Instant now) {
        plan.notices().forEach(n -> events.event(ds, n.type(), n.reason(), n.message()));
        KubernetesClientException failure = null;
        // Slow start, as upstream: batches of 1, 2, 4, ... so a failing create does not repeat N times.
        int created = 0;
        int batch = 1;
        while (created < plan.createOn().size() && failure == null) {
            int end = Math.min(plan.createOn().size(), created + batch);
            for (int i = created; i < end && failure == null; i++) {
                failure = create(ds, key, plan.createOn().get(i), hash, now);
            }
            created = end;
            batch *= 2;
        }
        for (Pod pod : plan.delete()) {
            KubernetesClientException e = delete(ds, key, pod, now);
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private KubernetesClientException create(DaemonSet ds, String key, String node, String hash, Instant now) {
        try {
            Pod pod = writer.createPod(DaemonPods.newPod(ds, node, hash));
            recent.created(key, pod, now);
            events.normal(ds, "SuccessfulCreate", "Created pod: " + pod.getMetadata().getName());
            return null;
        } catch (KubernetesClientException e) {
            if (ApiErrors.isNamespaceTerminating(e)) {
                LOG.debug("namespace of {} is terminating; not creating pods", key);
                return null;
            }
            events.warning(ds, "FailedCreate", "Error creating: " + ApiErrors.message(e));
            return e;
        }
    }

    private KubernetesClientException delete(DaemonSet ds, String key, Pod pod, Instant now) {
        String name = pod.getMetadata().getName();
        try {
            writer.deletePod(pod);
            recent.deleted(key, pod, now);
            events.normal(ds, "SuccessfulDelete", "Deleted pod: " + name);
            return null;
        } catch (KubernetesClientException e) {
            if (ApiErrors.isNotFound(e)) {
                return null;
            }
            events.warning(ds, "FailedDelete", "Error deleting: " + ApiErrors.message(e));
            return e;
        }
    }

    private static String strategy(DaemonSet ds) {
        return ds.getSpec().getUpdateStrategy() == null ? "RollingUpdate" : ds.getSpec().getUpdateStrategy().getType();
    }
}
