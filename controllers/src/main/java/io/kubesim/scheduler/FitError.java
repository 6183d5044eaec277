package io.kubesim.scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.kubesim.scheduler.framework.PluginStatus;

/**
 * Why no node fits a pod: the status of every node that was filtered out, a status for the nodes a pre-filter left
 * out, and the messages of the pre-filter and post-filter (preemption) stages. {@link #message} renders
 * kube-scheduler's text, e.g. "0/3 nodes are available: 1 node(s) had untolerated taint
 * {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption
 * is not helpful for scheduling, 2 No preemption victims found for incoming pod.": each reason counted over nodes,
 * sorted as strings. Immutable.
 *
 * @param numAllNodes     nodes in the snapshot
 * @param nodeStatuses    the failing status per node name that was evaluated
 * @param absentStatus    the status of nodes not in {@code nodeStatuses} (left out by a pre-filter), or null
 * @param preFilterMessage when a pre-filter rejected the pod outright, its message (then per-node reasons are not
 *                        listed: they would all repeat it)
 * @param postFilterMessage the preemption explanation, or null
 */
public record FitError(int numAllNodes, Map<String, PluginStatus> nodeStatuses, PluginStatus absentStatus,
                       String preFilterMessage, String postFilterMessage) {

    public FitError {
        nodeStatuses = Collections.unmodifiableMap(new HashMap<>(nodeStatuses));
    }

    /** The same diagnosis with the preemption explanation attached. */
    public FitError withPostFilterMessage(String message) {
        return new FitError(numAllNodes, nodeStatuses, absentStatus, preFilterMessage, message);
    }

    /** The status of node {@code name}: its own, or the one of nodes left out. */
    public PluginStatus statusOf(String name) {
        PluginStatus s = nodeStatuses.get(name);
        return s != null ? s : absentStatus;
    }

    /** The plugins that rejected the pod somewhere (for retrying it on the right cluster events). */
    public Set<String> rejectors() {
        Set<String> names = new TreeSet<>();
        for (PluginStatus s : nodeStatuses.values()) {
            if (s.plugin() != null) {
                names.add(s.plugin());
            }
        }
        if (absentStatus != null && absentStatus.plugin() != null) {
            names.add(absentStatus.plugin());
        }
        return names;
    }

    /** kube-scheduler's FailedScheduling message. */
    public String message() {
        StringBuilder msg = new StringBuilder("0/").append(numAllNodes).append(" nodes are available:");
        if (preFilterMessage != null && !preFilterMessage.isEmpty()) {
            msg.append(' ').append(preFilterMessage).append('.');
        } else {
            Map<String, Integer> reasons = new HashMap<>();
            for (PluginStatus s : nodeStatuses.values()) {
                for (String r : s.reasons()) {
                    reasons.merge(r, 1, Integer::sum);
                }
            }
            int absent = numAllNodes - nodeStatuses.size();
            if (absent > 0 && absentStatus != null) {
                for (String r : absentStatus.reasons()) {
                    reasons.merge(r, absent, Integer::sum);
                }
            }
            List<String> histogram = new ArrayList<>();
            reasons.forEach((reason, count) -> histogram.add(count + " " + reason));
            Collections.sort(histogram);
            if (!histogram.isEmpty()) {
                msg.append(' ').append(String.join(", ", histogram)).append('.');
            }
        }
        if (postFilterMessage != null && !postFilterMessage.isEmpty()) {
            msg.append(' ').append(postFilterMessage);
        }
        return msg.toString();
    }
}
