package io.kubesim.scheduler;

import io.kubesim.scheduler.framework.PodInfo;

/**
 * A pod handed out by {@link SchedulingQueue#pop} for one scheduling attempt. Immutable.
 *
 * @param attempts the attempts so far, this one included
 * @param cycle    the number of the scheduling cycle this attempt is
 */
public record QueuedPod(PodInfo pod, int attempts, long cycle) {
}
