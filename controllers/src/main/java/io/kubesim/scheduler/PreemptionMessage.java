package io.kubesim.scheduler;

import java.util.HashMap;
import java.util.Map;

import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Snapshot;

/**
 * The "preemption: ..." part of a FailedScheduling message, as kube-scheduler's default preemption plugin words
 * its verdict: nodes rejected as unresolvable are "Preemption is not helpful for scheduling"; the others would need
 * victims of lower priority, and this scheduler does not evict pods, so they are "No preemption victims found for
 * incoming pod" (exact whenever no pod of lower priority runs there, the usual case without PriorityClasses).
 * Stateless.
 */
final class PreemptionMessage {

    static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";
    static final String NO_VICTIMS = "No preemption victims found for incoming pod";

    private PreemptionMessage() {
    }

    static String explain(PodInfo pod, FitError fit, Snapshot snapshot) {
        if ("Never".equals(pod.pod().getSpec().getPreemptionPolicy())) {
            return "preemption: not eligible due to preemptionPolicy=Never.";
        }
        Map<String, PluginStatus> verdicts = new HashMap<>();
        for (NodeInfo node : snapshot.nodes()) {
            PluginStatus s = fit.statusOf(node.name());
            boolean hopeless = s == null || s.code() == PluginStatus.Code.UNSCHEDULABLE_AND_UNRESOLVABLE;
            verdicts.put(node.name(), hopeless ? PluginStatus.unresolvable(NOT_HELPFUL)
                    : PluginStatus.unresolvable(NO_VICTIMS));
        }
        return "preemption: " + new FitError(snapshot.size(), verdicts, null, null, null).message();
    }
}
