package io.kubesim.controllers.replicaset;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.runtime.Reconciler;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.ApiErrors;
import io.kubesim.controllers.support.ControllerExpectations;
import io.kubesim.controllers.support.ControllerRefClaims;
import io.kubesim.controllers.support.DeepCopy;
import io.kubesim.controllers.support.EventSink;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.OwnerRefs;
import io.kubesim.controllers.support.PodTemplates;
import io.kubesim.controllers.support.Pods;
import io.kubesim.controllers.support.Selectors;
import io.kubesim.controllers.support.SlowStart;

/**
 * Reconciles one ReplicaSet: claims the active pods it selects, creates or deletes the difference
 * to {@code spec.replicas} (at most {@link #BURST} per pass, creations in slow-start batches,
 * gated by {@link ControllerExpectations}), and writes its status. Reads only the informer caches;
 * writes through {@link ReplicaSetWriter}. Thread-safe for distinct keys, as the runner requires.
 */
final class ReplicaSetReconciler implements Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaSetReconciler.class);

    /** Most pods created or deleted in one pass (Kubernetes' {@code BurstReplicas}). */
    static final int BURST = 500;
    static final String API_VERSION = "apps/v1";
    static final String KIND = "ReplicaSet";

    private final ObjectStore<ReplicaSet> replicaSets;
    private final ObjectStore<Pod> pods;
    private final ReplicaSetWriter writer;
    private final EventSink events;
    private final ControllerExpectations expectations;
    private final Executor podOps;
    private final Clock clock;

    ReplicaSetReconciler(ObjectStore<ReplicaSet> replicaSets, ObjectStore<Pod> pods, ReplicaSetWriter writer,
                         EventSink events, ControllerExpectations expectations, Executor podOps, Clock clock) {
        this.replicaSets = replicaSets;
        this.pods = pods;
        this.writer = writer;
        this.events = events;
        this.expectations = expectations;
        this.podOps = podOps;
        this.clock = clock;
    }

    @Override
    public Result reconcile(String key) throws Exception {
        String ns = Keys.namespace(key);
        ReplicaSet rs = replicaSets.get(ns, Keys.name(key));
        if (rs == null) {
            expectations.delete(key);
            return Result.DONE;
        }
        boolean needsSync = expectations.satisfied(key);
        List<Pod> active = new ArrayList<>();
        for (Pod p : pods.list(ns)) {
            if (Pods.isActive(p)) {
                active.add(p);
            }
        }
        List<Exception> failures = new ArrayList<>();
        List<Pod> owned = new ControllerRefClaims<Pod>(rs, API_VERSION, KIND,
                p -> Selectors.matches(rs.getSpec().getSelector(), p.getMetadata().getLabels()),
                writer::updatePod, () -> writer.get(ns, rs.getMetadata().getName())).claim(active, failures);
        ControllerRefClaims.throwIfFailed(failures);

        Exception manageError = null;
        if (needsSync && rs.getMetadata().getDeletionTimestamp() == null) {
            manageError = manageReplicas(key, rs, owned);
        }
        ReplicaSetStatus status = ReplicaSetStatuses.calculate(rs, owned, manageError, clock);
        ReplicaSet updated = writeStatus(rs, status);
        if (manageError != null) {
            throw manageError;
        }
        int minReady = Numbers.orZero(updated.getSpec().getMinReadySeconds());
        int replicas = Numbers.orZero(updated.getSpec().getReplicas());
        if (minReady > 0 && Numbers.orZero(updated.getStatus().getReadyReplicas()) == replicas
                && Numbers.orZero(updated.getStatus().getAvailableReplicas()) != replicas) {
            return Result.requeueAfter(Duration.ofSeconds(minReady));
        }
        return Result.DONE;
    }

    private Exception manageReplicas(String key, ReplicaSet rs, List<Pod> owned) throws InterruptedException {
        int diff = owned.size() - Numbers.orZero(rs.getSpec().getReplicas());
        if (diff < 0) {
            int create = Math.min(-diff, BURST);
            expectations.expectCreations(key, create);
            SlowStart.Outcome outcome = SlowStart.run(create, 1, BURST, podOps, () -> createPod(rs));
            for (int i = outcome.successes(); i < create; i++) {
                expectations.creationObserved(key);
            }
            return outcome.error();
        }
        if (diff > 0) {
            int delete = Math.min(diff, BURST);
            List<Pod> victims = podsToDelete(rs, owned, delete);
            List<String> victimKeys = victims.stream().map(Keys::of).toList();
            expectations.expectDeletions(key, victimKeys);
            return deletePods(key, rs, victims);
        }
        return null;
    }

    private Pod createPod(ReplicaSet rs) {
        Pod pod = PodTemplates.newPod(rs.getSpec().getTemplate(), rs.getMetadata().getNamespace(),
                OwnerRefs.controllerRef(rs, API_VERSION, KIND));
        pod.getMetadata().setGenerateName(rs.getMetadata().getName() + "-");
        try {
            Pod created = writer.createPod(pod);
            events.normal(rs, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
            return created;
        } catch (RuntimeException e) {
            events.warning(rs, "FailedCreate", "Error creating: " + ApiErrors.message(e));
            if (ApiErrors.isNamespaceTerminating(e)) {
                // Every further create fails the same way; the namespace controller is removing us anyway.
                return null;
            }
            throw e;
        }
    }

    private Exception deletePods(String key, ReplicaSet rs, List<Pod> victims) throws InterruptedException {
        List<FutureTask<Void>> tasks = new ArrayList<>();
        for (Pod victim : victims) {
            FutureTask<Void> task = new FutureTask<>(() -> {
                deletePod(key, rs, victim);
                return null;
            });
            tasks.add(task);
            podOps.execute(task);
        }
        Exception first = null;
        for (FutureTask<Void> task : tasks) {
            try {
                task.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
                }
            }
        }
        return first;
    }

    private void deletePod(String key, ReplicaSet rs, Pod victim) {
        String name = victim.getMetadata().getName();
        try {
            if (writer.deletePod(victim.getMetadata().getNamespace(), name)) {
                events.normal(rs, "SuccessfulDelete", "Deleted pod: " + name);
            } else {
                expectations.deletionObserved(key, Keys.of(victim));
            }
        } catch (RuntimeException e) {
            // The informer will never see this deletion, so stop waiting for it.
            expectations.deletionObserved(key, Keys.of(victim));
            if (!ApiErrors.isNotFound(e)) {
                events.warning(rs, "FailedDelete", "Error deleting: " + ApiErrors.message(e));
                throw e;
            }
        }
    }

    /** The {@code count} pods to give up, ranked against all pods of the ReplicaSet's siblings (same owner). */
    private List<Pod> podsToDelete(ReplicaSet rs, List<Pod> owned, int count) {
        if (count >= owned.size()) {
            return owned;
        }
        PodDeletionOrder order = new PodDeletionOrder(relatedPods(rs, owned), clock.instant());
        return order.sort(owned).subList(0, count);
    }

    private List<Pod> relatedPods(ReplicaSet rs, List<Pod> owned) {
        OwnerReference owner = OwnerRefs.controllerOf(rs).orElse(null);
        if (owner == null) {
            return owned;
        }
        String ns = rs.getMetadata().getNamespace();
        Map<String, Pod> related = new HashMap<>();
        List<Pod> all = pods.list(ns);
        for (ReplicaSet sibling : replicaSets.list(ns)) {
            if (!OwnerRefs.isControlledBy(sibling, owner.getUid())) {
                continue;
            }
            for (Pod p : all) {
                if (Selectors.matches(sibling.getSpec().getSelector(), p.getMetadata().getLabels())) {
                    related.putIfAbsent(p.getMetadata().getUid(), p);
                }
            }
        }
        return new ArrayList<>(related.values());
    }

    /** Writes the status if it changed, retrying once on a conflict with a fresh read (as Kubernetes does). */
    private ReplicaSet writeStatus(ReplicaSet rs, ReplicaSetStatus status) {
        if (!ReplicaSetStatuses.changed(rs, status)) {
            return rs;
        }
        status.setObservedGeneration(rs.getMetadata().getGeneration());
        ReplicaSet copy = DeepCopy.of(rs);
        copy.setStatus(status);
        try {
            return writer.updateStatus(copy);
        } catch (RuntimeException e) {
            if (!ApiErrors.isConflict(e)) {
                throw e;
            }
            ReplicaSet fresh = writer.get(rs.getMetadata().getNamespace(), rs.getMetadata().getName());
            if (fresh == null) {
                throw e;
            }
            fresh.setStatus(status);
            LOG.debug("retrying status of {} after a conflict", Keys.of(rs));
            return writer.updateStatus(fresh);
        }
    }
}
