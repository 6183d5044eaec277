package io.kubesim.scheduler;

import java.util.Objects;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.PodInfo;

/**
 * Feeds informer events into the cache and the queue, as kube-scheduler's event handlers do: assigned pods (that
 * have not finished) go to the cache; pending pods for this scheduler's name that are not being deleted go to the
 * queue; nodes go to the cache; and changes that may let a parked pod fit are reported to the queue as
 * {@link ClusterEvent}s. Handlers only touch the cache and queue (brief locks), so informer threads are never held
 * up. Thread-safe.
 */
final class SchedulerEventHandlers {

    static final String DEFAULT_SCHEDULER = "default-scheduler";

    private final String schedulerName;
    private final SchedulerCache cache;
    private final SchedulingQueue queue;

    SchedulerEventHandlers(String schedulerName, SchedulerCache cache, SchedulingQueue queue) {
        this.schedulerName = schedulerName;
        this.cache = cache;
        this.queue = queue;
    }

    ResourceEventHandler<Pod> pods() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                podChanged(null, pod);
            }

            @Override
            public void onUpdate(Pod oldPod, Pod newPod) {
                podChanged(oldPod, newPod);
            }

            @Override
            public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                podDeleted(pod);
            }
        };
    }

    ResourceEventHandler<Node> nodes() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Node node) {
                cache.putNode(node);
                queue.onEvent(ClusterEvent.NODE_ADDED);
            }

            @Override
            public void onUpdate(Node oldNode, Node newNode) {
                cache.putNode(newNode);
                if (schedulingRelevant(oldNode, newNode)) {
                    queue.onEvent(ClusterEvent.NODE_CHANGED);
                }
            }

            @Override
            public void onDelete(Node node, boolean deletedFinalStateUnknown) {
                cache.removeNode(node.getMetadata().getName());
            }
        };
    }

    void podChanged(Pod oldPod, Pod newPod) {
        PodInfo pod = PodInfo.of(newPod);
        if (pod.nodeName() != null) {
            queue.delete(pod.key());
            if (finished(newPod)) {
                // kube-scheduler does not watch finished pods at all: to it they are deleted.
                cache.removePod(pod.key());
                queue.onEvent(ClusterEvent.ASSIGNED_POD_DELETED);
                return;
            }
            cache.putPod(pod);
            if (oldPod == null || !assigned(oldPod)) {
                queue.onEvent(ClusterEvent.ASSIGNED_POD_ADDED);
            } else if (!Objects.equals(oldPod.getMetadata().getLabels(), newPod.getMetadata().getLabels())
                    || !PodInfo.of(oldPod).requests().equals(pod.requests())) {
                queue.onEvent(ClusterEvent.ASSIGNED_POD_CHANGED);
            }
        } else if (cache.isAssumed(pod.key())) {
            // Being bound by us: a late update of the still-pending object must not queue it again (it would be
            // scheduled twice and the second binding rejected). The bound pod's event or a failed binding follows.
            return;
        } else if (responsibleFor(newPod)) {
            queue.update(pod);
        } else {
            queue.delete(pod.key());
        }
    }

    void podDeleted(Pod pod) {
        PodInfo info = PodInfo.of(pod);
        queue.delete(info.key());
        cache.removePod(info.key());
        if (info.nodeName() != null) {
            queue.onEvent(ClusterEvent.ASSIGNED_POD_DELETED);
        }
    }

    /** A pending pod for this scheduler that is not being deleted. */
    private boolean responsibleFor(Pod pod) {
        String name = pod.getSpec() == null ? null : pod.getSpec().getSchedulerName();
        if (name == null || name.isEmpty()) {
            name = DEFAULT_SCHEDULER;
        }
        return name.equals(schedulerName) && pod.getMetadata().getDeletionTimestamp() == null && !finished(pod);
    }

    private static boolean assigned(Pod pod) {
        return pod.getSpec() != null && pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty();
    }

    private static boolean finished(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    /** Whether a node update can change where pods fit (heartbeats and other status noise cannot). */
    static boolean schedulingRelevant(Node a, Node b) {
        var sa = a.getSpec();
        var sb = b.getSpec();
        return !Objects.equals(a.getMetadata().getLabels(), b.getMetadata().getLabels())
                || !Objects.equals(sa == null ? null : sa.getUnschedulable(), sb == null ? null : sb.getUnschedulable())
                || !Objects.equals(sa == null ? null : sa.getTaints(), sb == null ? null : sb.getTaints())
                || !Objects.equals(a.getStatus() == null ? null : a.getStatus().getAllocatable(),
                        b.getStatus() == null ? null : b.getStatus().getAllocatable())
                || !Objects.equals(ready(a), ready(b));
    }

    private static String ready(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return null;
        }
        for (NodeCondition c : node.getStatus().getConditions()) {
            if ("Ready".equals(c.getType())) {
                return c.getStatus();
            }
        }
        return null;
    }
}
