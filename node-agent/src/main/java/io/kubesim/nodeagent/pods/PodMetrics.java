package io.kubesim.nodeagent.pods;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.kubesim.controllers.runtime.ComponentMetrics;

/**
 * The kubelet meters the agent keeps: {@code kubelet_running_pods{node}} and
 * {@code kubelet_pod_start_duration_seconds}, the time from the agent first seeing a pod to the
 * pod running (as the kubelet measures it). Thread-safe.
 */
public final class PodMetrics {

    private final ComponentMetrics metrics;
    private final Clock clock;
    private final Timer startDuration;
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

    public PodMetrics(ComponentMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        this.startDuration = metrics.timer("kubelet.pod.start.duration",
                "Duration from the kubelet seeing a pod for the first time to the pod starting to run");
    }

    /** Registers the running-pods gauge of {@code node}. */
    public void runningPods(String node, Supplier<Number> count) {
        Gauge.builder("kubelet.running.pods", count).description("Number of pods that have a running pod sandbox")
                .tag("node", node).register(metrics.registry());
    }

    /** Notes the first time the agent sees pod {@code uid}. */
    public void seen(String uid) {
        firstSeen.putIfAbsent(uid, clock.instant());
    }

    /** Records that pod {@code uid} started running; counted once per pod. */
    public void started(String uid) {
        Instant seen = firstSeen.replace(uid, Instant.MAX);
        if (seen != null && !seen.equals(Instant.MAX)) {
            startDuration.record(Duration.between(seen, clock.instant()));
        }
    }

    /** Forgets a deleted pod. */
    public void forget(String uid) {
        firstSeen.remove(uid);
    }

    /** How many pod starts were recorded and their mean, for logs and tests. */
    public Timer startDuration() {
        return startDuration;
    }
}
