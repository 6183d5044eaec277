package io.kubesim.scheduler.framework;

import java.util.List;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Runs once per cycle before any filter: computes what the plugin's filter needs (into the {@link CycleState}),
 * may narrow the candidate nodes, may reject the pod for all nodes at once, or may return {@code SKIP} when the
 * plugin does not apply to the pod (its filter is then not called).
 *
 * <p>Contract: called on the scheduling thread with all nodes of the snapshot; must not block; an {@code ERROR}
 * status aborts the attempt and the pod is retried with backoff.
 */
public interface PreFilterPlugin extends Plugin {

    PreFilterResult preFilter(CycleState state, Pod pod, List<NodeInfo> nodes);
}
