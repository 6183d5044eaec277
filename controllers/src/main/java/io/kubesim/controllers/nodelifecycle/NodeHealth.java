package io.kubesim.controllers.nodelifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.kubesim.controllers.support.Nodes;
import io.kubesim.controllers.support.Times;

/**
 * How the node lifecycle controller judges a node's heartbeat, and what it writes when the node
 * falls silent: Ready, MemoryPressure, DiskPressure and PIDPressure become {@code Unknown}
 * ({@code NodeStatusUnknown}, "Kubelet stopped posting node status."), or are added as
 * {@code NodeStatusNeverUpdated} when the kubelet never posted them. Stateless.
 */
final class NodeHealth {

    static final List<String> SILENCED = List.of("Ready", "MemoryPressure", "DiskPressure", "PIDPressure");

    private NodeHealth() {
    }

    /**
     * The node's last sign of life: the later of its Lease's renewTime and its Ready condition's
     * lastHeartbeatTime, never earlier than {@code floor} (the controller's start, so a restart
     * gives every node a full grace period, as upstream's probe timestamps do), nor than the node's
     * creation.
     */
    static Instant lastHeartbeat(Node node, Lease lease, Instant floor) {
        Instant t = floor;
        t = Times.latest(t, Times.parse(node.getMetadata().getCreationTimestamp()));
        if (lease != null && lease.getSpec() != null) {
            t = Times.latest(t, Times.of(lease.getSpec().getRenewTime()));
        }
        Optional<NodeCondition> ready = Nodes.condition(node, Nodes.READY);
        if (ready.isPresent()) {
            t = Times.latest(t, Times.parse(ready.get().getLastHeartbeatTime()));
        }
        return t;
    }

    /** The node's conditions with the silenced ones set to Unknown, or empty when nothing changes. */
    static Optional<List<NodeCondition>> markUnknown(Node node, Instant now) {
        List<NodeCondition> conditions = new ArrayList<>(node.getStatus() == null || node.getStatus().getConditions() == null
                ? List.of() : node.getStatus().getConditions());
        boolean changed = false;
        String nowText = Times.format(now);
        for (String type : SILENCED) {
            int i = indexOf(conditions, type);
            if (i < 0) {
                conditions.add(new NodeConditionBuilder().withType(type).withStatus("Unknown")
                        .withReason("NodeStatusNeverUpdated").withMessage("Kubelet never posted node status.")
                        .withLastHeartbeatTime(node.getMetadata().getCreationTimestamp())
                        .withLastTransitionTime(nowText).build());
                changed = true;
            } else if (!"Unknown".equals(conditions.get(i).getStatus())) {
                // lastHeartbeatTime stays: it is the last time we heard from the kubelet
                conditions.set(i, new NodeConditionBuilder(conditions.get(i)).withStatus("Unknown")
                        .withReason("NodeStatusUnknown").withMessage("Kubelet stopped posting node status.")
                        .withLastTransitionTime(nowText).build());
                changed = true;
            }
        }
        return changed ? Optional.of(conditions) : Optional.empty();
    }

    private static int indexOf(List<NodeCondition> conditions, String type) {
        for (int i = 0; i < conditions.size(); i++) {
            if (type.equals(conditions.get(i).getType())) {
                return i;
            }
        }
        return -1;
    }
}
