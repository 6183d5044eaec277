package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.controllers.support.ControllerRefClaims;
import io.kubesim.controllers.support.DeepCopy;
import io.kubesim.controllers.support.OwnerRefs;

/** Adopts and releases pods by rewriting their owner references through a {@link ReplicaSetWriter}. Thread-safe. */
final class PodOwnership implements ControllerRefClaims.Writer<Pod> {

    private final ReplicaSetWriter writer;

    PodOwnership(ReplicaSetWriter writer) {
        this.writer = writer;
    }

    @Override
    public Pod adopt(Pod pod, OwnerReference ref) {
        Pod copy = DeepCopy.of(pod);
        copy.getMetadata().setOwnerReferences(OwnerRefs.adding(copy.getMetadata().getOwnerReferences(), ref));
        return writer.updatePod(copy);
    }

    @Override
    public Pod release(Pod pod, String ownerUid) {
        Pod copy = DeepCopy.of(pod);
        copy.getMetadata().setOwnerReferences(OwnerRefs.removing(copy.getMetadata().getOwnerReferences(), ownerUid));
        return writer.updatePod(copy);
    }
}
