package io.kubesim.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Decides whether a pod may run on one node. The cycle runs the filters of its profile in order for each node and
 * stops at the first that does not return {@code SUCCESS}; that status (its reasons) is what the node contributes
 * to the "0/N nodes are available: ..." message.
 *
 * <p>Contract: pure with respect to the node info and the cycle state (which it may read, never write); cheap,
 * since it runs for up to every node per cycle; never blocks. {@code UNSCHEDULABLE} means preemption could help,
 * {@code UNSCHEDULABLE_AND_UNRESOLVABLE} that it could not; {@code ERROR} aborts the attempt. Called on the
 * scheduling thread only.
 */
public interface FilterPlugin extends Plugin {

    PluginStatus filter(CycleState state, Pod pod, NodeInfo node);
}
