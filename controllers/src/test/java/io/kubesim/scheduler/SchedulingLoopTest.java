package io.kubesim.scheduler;

import static io.kubesim.scheduler.Fixtures.node;
import static io.kubesim.scheduler.Fixtures.ownedBy;
import static io.kubesim.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.controllers.runtime.ComponentMetrics;
import io.kubesim.controllers.testing.MutableClock;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Profile;
import io.kubesim.scheduler.plugins.DefaultPlugins;

/** Scheduling cycles against a real cache, queue and default profile, with the API and events faked. */
class SchedulingLoopTest {

    record Event(String pod, String type, String reason, String message) {
    }

    record Condition(String pod, String reason, String message, Instant transition) {
    }

    /** Records calls; binds succeed unless {@link #bindResult} says otherwise. */
    static final class FakeApi implements PodApi {
        final List<String> bindings = new ArrayList<>();
        final List<Condition> conditions = new ArrayList<>();
        BiFunction<PodInfo, String, CompletableFuture<Void>> bindResult =
                (p, n) -> CompletableFuture.completedFuture(null);

        @Override
        public CompletableFuture<Void> bind(PodInfo pod, String node) {
            bindings.add(pod.name() + "->" + node);
            return bindResult.apply(pod, node);
        }

        @Override
        public CompletableFuture<Void> setNotScheduled(PodInfo pod, String reason, String message, Instant time) {
            conditions.add(new Condition(pod.name(), reason, message, time));
            return CompletableFuture.completedFuture(null);
        }
    }

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final Profile profile = DefaultPlugins.profile("default-scheduler");
    private final SchedulerCache cache = new SchedulerCache();
    private final SchedulingQueue queue = new SchedulingQueue(profile, clock, Duration.ofSeconds(1),
            Duration.ofSeconds(10));
    private final FakeApi api = new FakeApi();
    private final List<Event> events = new ArrayList<>();
    private final ComponentMetrics metrics = new ComponentMetrics();
    private final SchedulingLoop loop = new SchedulingLoop(queue, cache,
            new SchedulingAlgorithm(profile, new SplittableRandom(7)), api,
            (pod, type, reason, message) -> events.add(new Event(pod.getMetadata().getName(), type, reason, message)),
            new SchedulerMetrics(metrics, "default-scheduler", queue), clock, Runnable::run, 4);

    @AfterEach
    void close() {
        metrics.close();
    }

    private void threeNodes() {
        cache.putNode(node("control-plane").editSpec().addNewTaint().withKey("node-role.kubernetes.io/control-plane")
                .withEffect("NoSchedule").endTaint().endSpec().build());
        cache.putNode(node("cordoned").editSpec().withUnschedulable(true).endSpec().build());
        cache.putNode(node("worker", "2", "4Gi").build());
    }

    private void scheduleNext() throws InterruptedException {
        QueuedPod next = queue.tryPop();
        assertThat(next).isNotNull();
        loop.scheduleOne(next);
    }

    @Test
    void bindsToTheOnlyNodeThatFitsAndRecordsScheduled() throws Exception {
        threeNodes();
        queue.add(PodInfo.of(pod("web", "500m", "1Gi").build()));
        scheduleNext();

        assertThat(api.bindings).containsExactly("web->worker");
        assertThat(events).containsExactly(
                new Event("web", "Normal", "Scheduled", "Successfully assigned default/web to worker"));
        assertThat(queue.contains("web-uid")).isFalse();
        assertThat(cache.isAssumed("web-uid")).isTrue();
        assertThat(metrics.scrape()).contains(
                "scheduler_schedule_attempts_total{profile=\"default-scheduler\",result=\"scheduled\"} 1.0");
    }

    @Test
    void theAssumedPodKeepsTheNextCycleFromDoubleBooking() throws Exception {
        threeNodes();
        queue.add(PodInfo.of(pod("first", "1500m", "1Gi").build()));
        clock.advance(Duration.ofMillis(1));
        queue.add(PodInfo.of(pod("second", "1500m", "1Gi").build()));
        scheduleNext();
        scheduleNext();

        assertThat(api.bindings).containsExactly("first->worker");
        String message = "0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint "
                + "{node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable. preemption: 0/3 nodes are "
                + "available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for "
                + "scheduling.";
        assertThat(events).contains(new Event("second", "Warning", "FailedScheduling", message));
        assertThat(api.conditions).containsExactly(new Condition("second", "Unschedulable", message,
                clock.instant()));
        assertThat(queue.unschedulableCount()).isEqualTo(1);
        assertThat(metrics.scrape()).contains(
                "scheduler_schedule_attempts_total{profile=\"default-scheduler\",result=\"unschedulable\"} 1.0");
    }

    @Test
    void theConditionIsNotRewrittenWhenNothingChanged() throws Exception {
        threeNodes();
        Pod big = pod("big", "3", "1Gi").build();
        queue.add(PodInfo.of(big));
        scheduleNext();
        Condition first = api.conditions.get(0);
        // The informer delivers the pod with the condition we wrote; the pod is retried after a node change.
        queue.update(PodInfo.of(big.toBuilder().editOrNewStatus().addNewCondition().withType("PodScheduled")
                .withStatus("False").withReason(first.reason()).withMessage(first.message()).endCondition()
                .endStatus().build()));
        queue.onEvent(io.kubesim.scheduler.framework.ClusterEvent.NODE_CHANGED);
        clock.advance(Duration.ofSeconds(1));
        scheduleNext();
        assertThat(api.conditions).hasSize(1);
        assertThat(events).filteredOn(e -> e.reason().equals("FailedScheduling")).hasSize(2);
    }

    @Test
    void aRejectedBindingIsForgottenAndRetriedWithBackoff() throws Exception {
        threeNodes();
        api.bindResult = (p, n) -> CompletableFuture.failedFuture(new PodApiException(409,
                "Operation cannot be fulfilled on pods/binding \"web\": pod web is already assigned to node \"x\""));
        queue.add(PodInfo.of(pod("web", "500m", "1Gi").build()));
        scheduleNext();

        assertThat(cache.isAssumed("web-uid")).isFalse();
        assertThat(cache.snapshot().get("worker").pods()).isEmpty();
        assertThat(events).containsExactly(new Event("web", "Warning", "FailedScheduling",
                "Operation cannot be fulfilled on pods/binding \"web\": pod web is already assigned to node \"x\""));
        assertThat(api.conditions).extracting(Condition::reason).containsExactly("SchedulerError");
        assertThat(queue.backoffCount()).isEqualTo(1);
    }

    @Test
    void aPodDeletedBeforeItsBindingIsDropped() throws Exception {
        threeNodes();
        api.bindResult = (p, n) -> CompletableFuture.failedFuture(new PodApiException(404, "pods \"web\" not found"));
        queue.add(PodInfo.of(pod("web").build()));
        scheduleNext();
        assertThat(queue.contains("web-uid")).isFalse();
        assertThat(cache.podCount()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void withoutNodesThePodWaits() throws Exception {
        queue.add(PodInfo.of(pod("web").build()));
        scheduleNext();
        assertThat(events).containsExactly(new Event("web", "Warning", "FailedScheduling",
                "no nodes available to schedule pods"));
        assertThat(api.conditions).extracting(Condition::reason).containsExactly("Unschedulable");
        assertThat(queue.unschedulableCount()).isEqualTo(1);
        queue.onEvent(io.kubesim.scheduler.framework.ClusterEvent.NODE_ADDED);
        assertThat(queue.unschedulableCount()).isZero();
    }

    @Test
    void replicasSpreadOverNodesAndZones() throws Exception {
        for (int i = 0; i < 6; i++) {
            cache.putNode(node("n" + i, "8", "16Gi").editMetadata()
                    .addToLabels("topology.kubernetes.io/zone", "zone-" + (i % 3)).endMetadata().build());
        }
        for (int i = 0; i < 12; i++) {
            queue.add(PodInfo.of(ownedBy(pod("web-" + i, "100m", "128Mi"), "rs-web").build()));
            clock.advance(Duration.ofMillis(1));
        }
        for (int i = 0; i < 12; i++) {
            scheduleNext();
        }
        Map<String, Integer> perNode = new HashMap<>();
        Map<String, Integer> perZone = new HashMap<>();
        for (String binding : api.bindings) {
            String node = binding.substring(binding.indexOf("->") + 2);
            perNode.merge(node, 1, Integer::sum);
            perZone.merge("zone-" + (Integer.parseInt(node.substring(1)) % 3), 1, Integer::sum);
        }
        assertThat(perNode).hasSize(6).allSatisfy((node, count) -> assertThat(count).isEqualTo(2));
        assertThat(perZone).allSatisfy((zone, count) -> assertThat(count).isEqualTo(4));
    }
}
