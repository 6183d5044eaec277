package io.kubesim.controllers.deployment;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.kubesim.controllers.support.ApiErrors;
import io.kubesim.controllers.support.DeepCopy;
import io.kubesim.controllers.support.EventSink;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.OwnerRefs;
import io.kubesim.controllers.support.TemplateHash;

/**
 * Finds or creates the ReplicaSet for a Deployment's current template and keeps revisions in step
 * ({@code getAllReplicaSetsAndSyncRevision}/{@code getNewReplicaSet} of Kubernetes): an existing
 * ReplicaSet with the template — e.g. after {@code kubectl rollout undo} — gets the next revision;
 * otherwise {@code <deployment>-<hash>} is created with the pod-template-hash label, the
 * Deployment as controller and the size the strategy allows. A name taken by a different template
 * is a hash collision: {@code status.collisionCount} is raised and the next pass tries a new name.
 * Thread-safe for distinct Deployments.
 */
final class NewReplicaSets {

    /** The new ReplicaSet (null if none yet) and all the others. */
    record Sets(ReplicaSet newRS, List<ReplicaSet> old) {
        List<ReplicaSet> all() {
            return ReplicaSets.all(old, newRS);
        }
    }

    private final DeploymentWriter writer;
    private final DeploymentStatusWriter statusWriter;
    private final ObjectStore<ReplicaSet> replicaSets;
    private final EventSink events;
    private final Clock clock;

    NewReplicaSets(DeploymentWriter writer, ObjectStore<ReplicaSet> replicaSets, EventSink events, Clock clock) {
        this.writer = writer;
        this.statusWriter = new DeploymentStatusWriter(writer);
        this.replicaSets = replicaSets;
        this.events = events;
        this.clock = clock;
    }

    /** The new and old ReplicaSets of {@code d} (a working copy); creates the new one if asked and missing. */
    Sets sync(Deployment d, List<ReplicaSet> owned, boolean create) {
        ReplicaSet existing = ReplicaSets.findNew(d, owned);
        List<ReplicaSet> old = ReplicaSets.findOld(owned, existing);
        String newRevision = Long.toString(Revisions.max(old) + 1);
        if (existing != null) {
            return new Sets(syncExisting(d, existing, newRevision), old);
        }
        if (!create) {
            return new Sets(null, old);
        }
        return new Sets(createNew(d, old, newRevision), old);
    }

    private ReplicaSet syncExisting(Deployment d, ReplicaSet existing, String newRevision) {
        ReplicaSet copy = DeepCopy.of(existing);
        boolean annotationsChanged = Revisions.setNewReplicaSetAnnotations(d, copy, newRevision, true);
        int minReady = Numbers.orZero(d.getSpec().getMinReadySeconds());
        if (annotationsChanged || Numbers.orZero(copy.getSpec().getMinReadySeconds()) != minReady) {
            copy.getSpec().setMinReadySeconds(minReady);
            return writer.updateReplicaSet(copy);
        }
        boolean revisionChanged = Revisions.setDeploymentRevision(d,
                copy.getMetadata().getAnnotations().get(Revisions.REVISION));
        boolean needsUpdate = revisionChanged;
        if (DeploymentStatuses.hasProgressDeadline(d)
                && DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING) == null) {
            DeploymentConditions.set(status(d), DeploymentConditions.create(DeploymentConditions.PROGRESSING, "True",
                    DeploymentConditions.FOUND_NEW_RS, "Found new replica set \"" + copy.getMetadata().getName()
                            + "\"", clock));
            needsUpdate = true;
        }
        if (needsUpdate) {
            statusWriter.write(d, revisionChanged);
        }
        return copy;
    }

    private ReplicaSet createNew(Deployment d, List<ReplicaSet> old, String newRevision) {
        Integer collisionCount = d.getStatus() == null ? null : d.getStatus().getCollisionCount();
        PodTemplateSpec template = DeepCopy.of(d.getSpec().getTemplate());
        String hash = TemplateHash.compute(template, collisionCount);
        if (template.getMetadata() == null) {
            template.setMetadata(new ObjectMeta());
        }
        template.getMetadata().setLabels(withLabel(template.getMetadata().getLabels(), hash));
        LabelSelector selector = DeepCopy.of(d.getSpec().getSelector());
        selector.setMatchLabels(withLabel(selector.getMatchLabels(), hash));

        ReplicaSet rs = new ReplicaSet();
        ObjectMeta meta = new ObjectMeta();
        meta.setName(d.getMetadata().getName() + "-" + hash);
        meta.setNamespace(d.getMetadata().getNamespace());
        meta.setLabels(new LinkedHashMap<>(template.getMetadata().getLabels()));
        meta.setOwnerReferences(new java.util.ArrayList<>(List.of(ownerRef(d))));
        rs.setMetadata(meta);
        ReplicaSetSpec spec = new ReplicaSetSpec();
        spec.setReplicas(0);
        spec.setMinReadySeconds(Numbers.orZero(d.getSpec().getMinReadySeconds()));
        spec.setSelector(selector);
        spec.setTemplate(template);
        rs.setSpec(spec);
        int newReplicas = RolloutMath.newReplicaSetReplicas(d, ReplicaSets.all(old, rs), rs);
        spec.setReplicas(newReplicas);
        Revisions.setNewReplicaSetAnnotations(d, rs, newRevision, false);

        ReplicaSet created;
        boolean alreadyExists = false;
        try {
            created = writer.createReplicaSet(rs);
        } catch (RuntimeException e) {
            if (ApiErrors.isAlreadyExists(e)) {
                created = resolveCollision(d, rs, e);
                alreadyExists = true;
            } else if (ApiErrors.isNamespaceTerminating(e)) {
                throw e;
            } else {
                String msg = "Failed to create new replica set \"" + meta.getName() + "\": " + ApiErrors.message(e);
                if (DeploymentStatuses.hasProgressDeadline(d)) {
                    DeploymentConditions.set(status(d), DeploymentConditions.create(
                            DeploymentConditions.PROGRESSING, "False", DeploymentConditions.FAILED_RS_CREATE, msg,
                            clock));
                    try {
                        statusWriter.write(d, false);
                    } catch (RuntimeException ignored) {
                        // The create failure below is what gets reported and retried.
                    }
                }
                events.warning(d, DeploymentConditions.FAILED_RS_CREATE, msg);
                throw e;
            }
        }
        if (!alreadyExists && newReplicas > 0) {
            events.normal(d, "ScalingReplicaSet", "Scaled up replica set " + created.getMetadata().getName()
                    + " from 0 to " + newReplicas);
        }
        boolean revisionChanged = Revisions.setDeploymentRevision(d, newRevision);
        boolean needsUpdate = revisionChanged;
        if (!alreadyExists && DeploymentStatuses.hasProgressDeadline(d)) {
            DeploymentConditions.set(status(d), DeploymentConditions.create(DeploymentConditions.PROGRESSING, "True",
                    DeploymentConditions.NEW_REPLICA_SET,
                    "Created new replica set \"" + created.getMetadata().getName() + "\"", clock));
            needsUpdate = true;
        }
        if (needsUpdate) {
            statusWriter.write(d, revisionChanged);
        }
        return created;
    }

    /**
     * The existing ReplicaSet if it is ours with our template (a stale cache made us create it
     * twice); otherwise a hash collision: bump the collision count and fail this pass.
     */
    private ReplicaSet resolveCollision(Deployment d, ReplicaSet wanted, RuntimeException error) {
        ReplicaSet existing = replicaSets.get(wanted.getMetadata().getNamespace(), wanted.getMetadata().getName());
        if (existing != null && OwnerRefs.isControlledBy(existing, d.getMetadata().getUid())
                && TemplateHash.equalIgnoringHash(d.getSpec().getTemplate(), existing.getSpec().getTemplate())) {
            return existing;
        }
        if (existing == null) {
            throw error;
        }
        DeploymentStatus s = status(d);
        s.setCollisionCount(s.getCollisionCount() == null ? 1 : s.getCollisionCount() + 1);
        try {
            statusWriter.write(d, false);
        } catch (RuntimeException ignored) {
            // Retried with the next pass, which sees the same collision.
        }
        throw error;
    }

    private static OwnerReference ownerRef(Deployment d) {
        return OwnerRefs.controllerRef(d, DeploymentReconciler.API_VERSION, DeploymentReconciler.KIND);
    }

    private static Map<String, String> withLabel(Map<String, String> labels, String hash) {
        Map<String, String> out = labels == null ? new LinkedHashMap<>() : new LinkedHashMap<>(labels);
        out.put(TemplateHash.POD_TEMPLATE_HASH, hash);
        return out;
    }

    private static DeploymentStatus status(Deployment d) {
        if (d.getStatus() == null) {
            d.setStatus(new DeploymentStatus());
        }
        return d.getStatus();
    }
}
