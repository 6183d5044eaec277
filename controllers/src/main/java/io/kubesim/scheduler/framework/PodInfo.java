package io.kubesim.scheduler.framework;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * A pod together with the facts the scheduler derives from it once per object version (its requests, controller,
 * priority), so that cycles do not re-parse quantities. Immutable as long as nobody mutates the wrapped pod, which the
 * scheduler never does.
 *
 * @param key             the pod's UID (its identity in cache and queue), or {@code namespace/name} if it has none
 * @param requests        effective requests ({@link PodRequests#of})
 * @param nonZeroRequests requests with the scoring defaults ({@link PodRequests#nonZero})
 * @param controllerUid   the UID of the controlling owner (ReplicaSet, StatefulSet, ...), or null
 * @param controllerKind  the kind of the controlling owner, or null
 * @param controllerKey   a 64-bit digest of {@code controllerUid} for fast comparison (0 without a controller);
 *                        UIDs are random UUIDs, so distinct controllers practically never share a key
 * @param priority        {@code spec.priority}, 0 when unset
 * @param terminating     the pod has a deletion timestamp
 * @param nodeName        {@code spec.nodeName}, or null when not assigned
 */
public record PodInfo(Pod pod, String key, String namespace, String name, Map<String, String> labels,
                      Resources requests, Resources nonZeroRequests, String controllerUid, String controllerKind,
                      long controllerKey, int priority, boolean terminating, String nodeName) {

    public static PodInfo of(Pod pod) {
        ObjectMeta meta = pod.getMetadata();
        String namespace = meta.getNamespace() == null ? "" : meta.getNamespace();
        String key = meta.getUid() != null && !meta.getUid().isEmpty() ? meta.getUid()
                : namespace + "/" + meta.getName();
        OwnerReference controller = null;
        if (meta.getOwnerReferences() != null) {
            for (OwnerReference ref : meta.getOwnerReferences()) {
                if (Boolean.TRUE.equals(ref.getController())) {
                    controller = ref;
                    break;
                }
            }
        }
        var spec = pod.getSpec();
        String nodeName = spec == null || spec.getNodeName() == null || spec.getNodeName().isEmpty() ? null
                : spec.getNodeName();
        int priority = spec == null || spec.getPriority() == null ? 0 : spec.getPriority();
        return new PodInfo(pod, key, namespace, meta.getName(), meta.getLabels() == null ? Map.of() : meta.getLabels(),
                PodRequests.of(pod), PodRequests.nonZero(pod), controller == null ? null : controller.getUid(),
                controller == null ? null : controller.getKind(),
                controller == null || controller.getUid() == null ? 0 : keyOf(controller.getUid()), priority,
                meta.getDeletionTimestamp() != null, nodeName);
    }

    /** The same pod placed on {@code node} (what the scheduler assumes before the binding is confirmed). */
    public PodInfo assignedTo(String node) {
        return new PodInfo(pod, key, namespace, name, labels, requests, nonZeroRequests, controllerUid, controllerKind,
                controllerKey, priority, terminating, node);
    }

    /** The 64-bit key of a UID: the XOR of its halves for a UUID, an MD5-based one for any other string. */
    static long keyOf(String uid) {
        UUID u;
        try {
            u = UUID.fromString(uid);
        } catch (IllegalArgumentException e) {
            u = UUID.nameUUIDFromBytes(uid.getBytes(StandardCharsets.UTF_8));
        }
        return u.getMostSignificantBits() ^ u.getLeastSignificantBits();
    }

    /** {@code namespace/name}, as events and logs name a pod. */
    public String fullName() {
        return namespace + "/" + name;
    }
}
