package io.kubesim.scheduler.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;

/**
 * One topology spread constraint of a pod, resolved for counting: which pods it counts (a label selector narrowed
 * by {@code matchLabelKeys}, or for the system default constraints the pods of the same controller), over which
 * topology key, and which nodes take part ({@code nodeAffinityPolicy}, default Honor; {@code nodeTaintsPolicy},
 * default Ignore). Immutable.
 *
 * @param ownerKey when not 0, the constraint counts the non-terminating pods of the controller with this
 *                 {@link PodInfo#controllerKey} instead of matching {@code selector}. kube-scheduler derives the
 *                 default selector from the Services, ReplicaSets, StatefulSets and ReplicationControllers
 *                 selecting the pod; counting the pod's own controller gives the same spread for workload pods
 *                 without watching those kinds.
 */
record SpreadConstraint(String topologyKey, int maxSkew, int minDomains, LabelSelector selector, long ownerKey,
                        boolean honorNodeAffinity, boolean honorTaints) {

    static final String HOSTNAME = "kubernetes.io/hostname";
    static final String ZONE = "topology.kubernetes.io/zone";
    static final String DO_NOT_SCHEDULE = "DoNotSchedule";
    static final String SCHEDULE_ANYWAY = "ScheduleAnyway";

    private static final Set<String> DEFAULT_SPREAD_OWNERS = Set.of("ReplicaSet", "StatefulSet",
            "ReplicationController");

    /** The pod's own constraints with {@code whenUnsatisfiable} equal to {@code mode}. */
    static List<SpreadConstraint> declared(PodInfo pod, String mode) {
        List<TopologySpreadConstraint> declared = pod.pod().getSpec().getTopologySpreadConstraints();
        List<SpreadConstraint> out = new ArrayList<>();
        if (declared == null) {
            return out;
        }
        for (TopologySpreadConstraint c : declared) {
            if (!mode.equals(c.getWhenUnsatisfiable())) {
                continue;
            }
            LabelSelector selector = LabelSelectors.withPodValues(c.getLabelSelector(), c.getMatchLabelKeys(),
                    pod.labels());
            int minDomains = c.getMinDomains() == null ? 1 : c.getMinDomains();
            out.add(new SpreadConstraint(c.getTopologyKey(), c.getMaxSkew() == null ? 1 : c.getMaxSkew(), minDomains,
                    selector, 0, !"Ignore".equals(c.getNodeAffinityPolicy()),
                    "Honor".equals(c.getNodeTaintsPolicy())));
        }
        return out;
    }

    /** Whether the pod declares any topology spread constraint at all (then the system defaults do not apply). */
    static boolean declaresAny(PodInfo pod) {
        List<TopologySpreadConstraint> declared = pod.pod().getSpec().getTopologySpreadConstraints();
        return declared != null && !declared.isEmpty();
    }

    /**
     * kube-scheduler's system default constraints, both soft: spread over hostnames with max skew 3 and over zones
     * with max skew 5, for pods of a ReplicaSet, StatefulSet or ReplicationController.
     */
    static List<SpreadConstraint> systemDefaults(PodInfo pod) {
        if (pod.controllerUid() == null || !DEFAULT_SPREAD_OWNERS.contains(pod.controllerKind())) {
            return List.of();
        }
        return List.of(
                new SpreadConstraint(HOSTNAME, 3, 1, null, pod.controllerKey(), true, false),
                new SpreadConstraint(ZONE, 5, 1, null, pod.controllerKey(), true, false));
    }

    /** Whether this constraint counts {@code candidate} (a pod in {@code namespace}'s view). */
    boolean counts(PodInfo candidate, String namespace) {
        if (candidate.terminating() || !candidate.namespace().equals(namespace)) {
            return false;
        }
        if (ownerKey != 0) {
            return candidate.controllerUid() != null && ownerKey == candidate.controllerKey();
        }
        return LabelSelectors.matches(selector, candidate.labels());
    }

    /** How many pods on {@code node} this constraint counts for a pod in {@code namespace}. */
    int countOn(NodeInfo node, String namespace) {
        if (ownerKey != 0) {
            return node.podsOwnedBy(ownerKey);
        }
        int n = 0;
        for (PodInfo p : node.pods()) {
            if (counts(p, namespace)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether {@code node} takes part in spreading {@code pod} under the node inclusion policies;
     * {@code required} is the pod's {@link NodeSelectors.Required}, extracted once per cycle.
     */
    boolean includes(PodInfo pod, NodeSelectors.Required required, NodeInfo node) {
        if (honorNodeAffinity && !required.isEmpty() && !required.matches(node)) {
            return false;
        }
        return !honorTaints || Tolerations.firstUntolerated(node.taints(), pod.pod().getSpec().getTolerations(),
                Tolerations::blocksScheduling) == null;
    }

    /** Whether the node has the topology key of every constraint in {@code constraints}. */
    static boolean hasAllKeys(NodeInfo node, List<SpreadConstraint> constraints) {
        for (SpreadConstraint c : constraints) {
            if (!node.labels().containsKey(c.topologyKey())) {
                return false;
            }
        }
        return true;
    }
}
