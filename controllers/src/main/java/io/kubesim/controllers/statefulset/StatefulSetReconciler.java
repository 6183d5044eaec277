package io.kubesim.controllers.statefulset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.runtime.Reconciler;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.ApiErrors;
import io.kubesim.controllers.support.ControllerRefClaims;
import io.kubesim.controllers.support.DeepCopy;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.Selectors;

/**
 * Reconciles one StatefulSet: claims the pods it selects whose names make them members, works out
 * the current and update revisions, runs one {@link StatefulSetUpdater} pass and records the
 * status. Reads the informer caches; writes through {@link StatefulSetWriter}. Thread-safe for
 * distinct keys, as the runner requires.
 */
final class StatefulSetReconciler implements Reconciler {

    private final ObjectStore<StatefulSet> sets;
    private final ObjectStore<Pod> pods;
    private final StatefulSetWriter writer;
    private final StatefulSetUpdater updater;

    StatefulSetReconciler(ObjectStore<StatefulSet> sets, ObjectStore<Pod> pods, StatefulSetWriter writer,
                          StatefulSetUpdater updater) {
        this.sets = sets;
        this.pods = pods;
        this.writer = writer;
        this.updater = updater;
    }

    @Override
    public Result reconcile(String key) throws Exception {
        StatefulSet cached = sets.get(Keys.namespace(key), Keys.name(key));
        if (cached == null) {
            return Result.DONE;
        }
        StatefulSet set = DeepCopy.of(cached);
        List<Exception> failures = new ArrayList<>();
        List<Pod> owned = new ControllerRefClaims<Pod>(set, StatefulPods.API_VERSION, StatefulPods.KIND,
                p -> Selectors.matches(set.getSpec().getSelector(), p.getMetadata().getLabels())
                        && StatefulPods.isMember(set, p),
                writer::updatePod, () -> writer.get(set.getMetadata().getNamespace(), set.getMetadata().getName()))
                .claim(pods.list(set.getMetadata().getNamespace()), failures);
        ControllerRefClaims.throwIfFailed(failures);

        StatefulSetUpdater.Pass pass = updater.update(set, revisions(set), owned);
        StatefulSetStatus status = pass.status();
        writeStatus(set, status);
        if (pass.error() != null) {
            throw pass.error();
        }
        int minReady = Numbers.orZero(set.getSpec().getMinReadySeconds());
        if (minReady > 0 && Numbers.orZero(status.getAvailableReplicas())
                != Numbers.orZero(set.getSpec().getReplicas())) {
            return Result.requeueAfter(Duration.ofSeconds(minReady));
        }
        return Result.DONE;
    }

    /** The update revision from the current template; the current one from the status (the update one at first). */
    private static StatefulSetUpdater.Revisions revisions(StatefulSet set) {
        Integer collisions = set.getStatus() == null ? null : set.getStatus().getCollisionCount();
        int collisionCount = collisions == null ? 0 : collisions;
        String update = StatefulPods.revisionName(set, set.getSpec().getTemplate(), collisionCount);
        String current = set.getStatus() == null ? null : set.getStatus().getCurrentRevision();
        return new StatefulSetUpdater.Revisions(current == null || current.isEmpty() ? update : current, update,
                collisionCount);
    }

    private void writeStatus(StatefulSet set, StatefulSetStatus status) {
        StatefulSetStatuses.completeRollingUpdate(set, status);
        if (!StatefulSetStatuses.changed(set, status)) {
            return;
        }
        StatefulSet copy = DeepCopy.of(set);
        copy.setStatus(StatefulSetStatuses.omitZeros(status));
        try {
            writer.updateStatus(copy);
        } catch (RuntimeException e) {
            if (!ApiErrors.isConflict(e)) {
                throw e;
            }
            StatefulSet fresh = writer.get(set.getMetadata().getNamespace(), set.getMetadata().getName());
            if (fresh == null) {
                throw e;
            }
            fresh.setStatus(status);
            writer.updateStatus(fresh);
        }
    }
}
