package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.support.ControllerRefClaims;
import io.kubesim.controllers.support.DeepCopy;
import io.kubesim.controllers.support.OwnerRefs;

/** Adopts and releases ReplicaSets by rewriting their owner references. Thread-safe. */
final class ReplicaSetOwnership implements ControllerRefClaims.Writer<ReplicaSet> {

    private final DeploymentWriter writer;

    ReplicaSetOwnership(DeploymentWriter writer) {
        this.writer = writer;
    }

    @Override
    public ReplicaSet adopt(ReplicaSet rs, OwnerReference ref) {
        ReplicaSet copy = DeepCopy.of(rs);
        copy.getMetadata().setOwnerReferences(OwnerRefs.adding(copy.getMetadata().getOwnerReferences(), ref));
        return writer.updateReplicaSet(copy);
    }

    @Override
    public ReplicaSet release(ReplicaSet rs, String ownerUid) {
        ReplicaSet copy = DeepCopy.of(rs);
        copy.getMetadata().setOwnerReferences(OwnerRefs.removing(copy.getMetadata().getOwnerReferences(), ownerUid));
        return writer.updateReplicaSet(copy);
    }
}
