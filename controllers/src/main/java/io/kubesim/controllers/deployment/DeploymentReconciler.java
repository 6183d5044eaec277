package io.kubesim.controllers.deployment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.runtime.Reconciler;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.ControllerRefClaims;
import io.kubesim.controllers.support.DeepCopy;
import io.kubesim.controllers.support.EventSink;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.OwnerRefs;
import io.kubesim.controllers.support.Selectors;

/**
 * Reconciles one Deployment as Kubernetes' {@code syncDeployment}: claims the ReplicaSets it
 * selects, then — in this order of precedence — only reports status while it is being deleted,
 * resizes without rolling out while paused or on a scaling event, and otherwise rolls out with its
 * strategy. Reads the informer caches; writes through {@link DeploymentWriter}. Thread-safe for
 * distinct keys, as the runner requires.
 */
final class DeploymentReconciler implements Reconciler {

    static final String API_VERSION = "apps/v1";
    static final String KIND = "Deployment";

    private final ObjectStore<Deployment> deployments;
    private final ObjectStore<ReplicaSet> replicaSets;
    private final ObjectStore<Pod> pods;
    private final DeploymentWriter writer;
    private final EventSink events;
    private final NewReplicaSets newReplicaSets;
    private final ReplicaSetScaler scaler;
    private final RolloutStatus status;
    private final RollingUpdate rolling;
    private final Recreate recreate;

    DeploymentReconciler(ObjectStore<Deployment> deployments, ObjectStore<ReplicaSet> replicaSets,
                         ObjectStore<Pod> pods, DeploymentWriter writer, EventSink events, Clock clock) {
        this.deployments = deployments;
        this.replicaSets = replicaSets;
        this.pods = pods;
        this.writer = writer;
        this.events = events;
        this.newReplicaSets = new NewReplicaSets(writer, replicaSets, events, clock);
        this.scaler = new ReplicaSetScaler(writer, events);
        this.status = new RolloutStatus(writer, clock);
        this.rolling = new RollingUpdate(newReplicaSets, scaler, status);
        this.recreate = new Recreate(newReplicaSets, scaler, status);
    }

    @Override
    public Result reconcile(String key) throws Exception {
        Deployment cached = deployments.get(Keys.namespace(key), Keys.name(key));
        if (cached == null) {
            return Result.DONE;
        }
        Deployment d = DeepCopy.of(cached);
        if (Selectors.isEmpty(d.getSpec().getSelector())) {
            events.warning(d, "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
            DeploymentStatus s = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
            if (Numbers.orZero(s.getObservedGeneration()) < Numbers.orZero(d.getMetadata().getGeneration())) {
                s.setObservedGeneration(d.getMetadata().getGeneration());
                d.setStatus(s);
                writer.updateStatus(d);
            }
            return Result.DONE;
        }
        List<ReplicaSet> owned = claimReplicaSets(d);
        if (d.getMetadata().getDeletionTimestamp() != null) {
            NewReplicaSets.Sets sets = newReplicaSets.sync(d, owned, false);
            status.syncDeploymentStatus(sets.all(), sets.newRS(), d);
            return Result.DONE;
        }
        status.checkPausedConditions(d);
        // Revisions are synced once here; later steps work on the ReplicaSets as written.
        NewReplicaSets.Sets sets = newReplicaSets.sync(d, owned, false);
        if (Boolean.TRUE.equals(d.getSpec().getPaused()) || isScalingEvent(d, sets)) {
            scaler.scale(d, sets.newRS(), sets.old());
            if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
                scaler.cleanup(sets.old(), d);
            }
            status.syncDeploymentStatus(sets.all(), sets.newRS(), d);
            return Result.DONE;
        }
        if (RolloutMath.isRecreate(d)) {
            return recreate.rollout(d, sets.all(), podsByReplicaSet(d, sets.all()));
        }
        return rolling.rollout(d, sets.all());
    }

    /** True if an active ReplicaSet was sized for a different replica count than the Deployment's. */
    private static boolean isScalingEvent(Deployment d, NewReplicaSets.Sets sets) {
        for (ReplicaSet rs : ReplicaSets.active(sets.all())) {
            Integer desired = ReplicaSets.desiredReplicasAnnotation(rs);
            if (desired != null && desired != RolloutMath.replicas(d)) {
                return true;
            }
        }
        return false;
    }

    private List<ReplicaSet> claimReplicaSets(Deployment d) throws Exception {
        List<Exception> failures = new ArrayList<>();
        List<ReplicaSet> owned = new ControllerRefClaims<ReplicaSet>(d, API_VERSION, KIND,
                rs -> Selectors.matches(d.getSpec().getSelector(), rs.getMetadata().getLabels()),
                writer::updateReplicaSet, () -> writer.get(d.getMetadata().getNamespace(), d.getMetadata().getName()))
                .claim(replicaSets.list(d.getMetadata().getNamespace()), failures);
        ControllerRefClaims.throwIfFailed(failures);
        return owned;
    }

    /** The pods of each owned ReplicaSet (by its UID) among those the Deployment selects. */
    private Map<String, List<Pod>> podsByReplicaSet(Deployment d, List<ReplicaSet> owned) {
        Map<String, List<Pod>> map = new HashMap<>();
        for (ReplicaSet rs : owned) {
            map.put(rs.getMetadata().getUid(), new ArrayList<>());
        }
        for (Pod p : pods.list(d.getMetadata().getNamespace())) {
            if (!Selectors.matches(d.getSpec().getSelector(), p.getMetadata().getLabels())) {
                continue;
            }
            OwnerRefs.controllerOf(p).map(ref -> map.get(ref.getUid())).ifPresent(list -> list.add(p));
        }
        return map;
    }
}
