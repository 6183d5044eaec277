package io.kubesim.controllers.daemonset;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.kubesim.controllers.support.NodeSelectors;
import io.kubesim.controllers.support.Taints;

import java.util.List;

/**
 * Whether a DaemonSet belongs on a node (upstream's NodeShouldRunDaemonPod): the template's
 * {@code nodeName}, {@code nodeSelector} and required node affinity must admit the node, and its
 * NoSchedule/NoExecute taints must be tolerated, counting the daemon tolerations. A pod already
 * there may stay while only NoSchedule taints are untolerated. Stateless.
 *
 * @param shouldRun             a daemon pod should be created if there is none
 * @param shouldContinueRunning an existing daemon pod may stay
 */
public record NodeEligibility(boolean shouldRun, boolean shouldContinueRunning) {

    private static final NodeEligibility NO = new NodeEligibility(false, false);

    public static NodeEligibility of(Node node, DaemonSet ds) {
        return of(node, DaemonPods.withDaemonTolerations(ds.getSpec().getTemplate().getSpec()));
    }

    /** As {@link #of(Node, DaemonSet)}, for a template spec that already carries the daemon tolerations. */
    public static NodeEligibility of(Node node, PodSpec spec) {
        String nodeName = spec.getNodeName();
        if (nodeName != null && !nodeName.isEmpty() && !nodeName.equals(node.getMetadata().getName())) {
            return NO;
        }
        if (!NodeSelectors.matches(spec, node)) {
            return NO;
        }
        List<Taint> taints = Taints.of(node.getSpec() == null ? null : node.getSpec().getTaints());
        List<Toleration> tolerations = spec.getTolerations();
        boolean blocked = Taints.firstUntolerated(taints, tolerations, t -> Taints.hasEffect(t, Taints.NO_SCHEDULE)
                || Taints.hasEffect(t, Taints.NO_EXECUTE)).isPresent();
        if (!blocked) {
            return new NodeEligibility(true, true);
        }
        boolean evicted = Taints.firstUntolerated(taints, tolerations, t -> Taints.hasEffect(t, Taints.NO_EXECUTE))
                .isPresent();
        return new NodeEligibility(false, !evicted);
    }
}
