package io.kubesim.scheduler.framework;

import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * What a pod requests from its node, computed the way kube-scheduler does: app containers run together so their
 * requests add up; regular init containers run one at a time before them, so the pod needs the largest of them;
 * restartable ("sidecar") init containers keep running, so they add to everything started after them; pod overhead
 * is added on top. Stateless.
 */
public final class PodRequests {

    /** Requests assumed for a container that names none, so that best-effort pods still spread (upstream defaults). */
    public static final long DEFAULT_MILLI_CPU = 100;
    public static final long DEFAULT_MEMORY = 200L * 1024 * 1024;

    private PodRequests() {
    }

    /** The pod's effective requests. */
    public static Resources of(Pod pod) {
        return compute(pod.getSpec(), false);
    }

    /**
     * The requests used for scoring: like {@link #of} but a container without a CPU or memory request counts as
     * {@value #DEFAULT_MILLI_CPU}m CPU / 200Mi memory.
     */
    public static Resources nonZero(Pod pod) {
        return compute(pod.getSpec(), true);
    }

    private static Resources compute(PodSpec spec, boolean nonZero) {
        if (spec == null) {
            return Resources.ZERO;
        }
        Resources sum = Resources.ZERO;
        for (Container c : list(spec.getContainers())) {
            sum = sum.plus(container(c, nonZero));
        }
        Resources sidecars = Resources.ZERO;
        Resources initPeak = Resources.ZERO;
        for (Container c : list(spec.getInitContainers())) {
            Resources r = container(c, nonZero);
            Resources whileRunning;
            if ("Always".equals(c.getRestartPolicy())) {
                sum = sum.plus(r);
                sidecars = sidecars.plus(r);
                whileRunning = sidecars;
            } else {
                whileRunning = r.plus(sidecars);
            }
            initPeak = initPeak.max(whileRunning);
        }
        return sum.max(initPeak).plus(Resources.of(spec.getOverhead()));
    }

    private static Resources container(Container c, boolean nonZero) {
        ResourceRequirements rr = c.getResources();
        var requests = rr == null ? null : rr.getRequests();
        Resources r = Resources.of(requests);
        if (!nonZero) {
            return r;
        }
        long cpu = requests != null && requests.containsKey("cpu") ? r.milliCpu() : DEFAULT_MILLI_CPU;
        long memory = requests != null && requests.containsKey("memory") ? r.memory() : DEFAULT_MEMORY;
        return new Resources(cpu, memory, r.ephemeralStorage(), r.pods());
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
