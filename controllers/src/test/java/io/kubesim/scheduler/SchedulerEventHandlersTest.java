package io.kubesim.scheduler;

import static io.kubesim.scheduler.Fixtures.node;
import static io.kubesim.scheduler.Fixtures.on;
import static io.kubesim.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubesim.controllers.testing.MutableClock;
import io.kubesim.scheduler.plugins.DefaultPlugins;

class SchedulerEventHandlersTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final SchedulerCache cache = new SchedulerCache();
    private final SchedulingQueue queue = new SchedulingQueue(DefaultPlugins.profile("default-scheduler"), clock,
            Duration.ofSeconds(1), Duration.ofSeconds(10));
    private final SchedulerEventHandlers handlers = new SchedulerEventHandlers("default-scheduler", cache, queue);

    @Test
    void pendingPodsOfThisSchedulerAreQueued() {
        handlers.pods().onAdd(pod("mine").build());
        handlers.pods().onAdd(pod("unnamed").editSpec().withSchedulerName(null).endSpec().build());
        handlers.pods().onAdd(pod("other").editSpec().withSchedulerName("other-scheduler").endSpec().build());
        handlers.pods().onAdd(pod("leaving").editMetadata().withDeletionTimestamp("2026-01-01T00:00:00Z")
                .endMetadata().build());
        assertThat(queue.contains("mine-uid")).isTrue();
        assertThat(queue.contains("unnamed-uid")).isTrue();
        assertThat(queue.contains("other-uid")).isFalse();
        assertThat(queue.contains("leaving-uid")).isFalse();
    }

    @Test
    void aBoundPodLeavesTheQueueForTheCache() {
        Pod pending = pod("p", "1", "1Gi").build();
        handlers.pods().onAdd(pending);
        handlers.nodes().onAdd(node("n1").build());
        handlers.pods().onUpdate(pending, on(pending, "n1"));
        assertThat(queue.contains("p-uid")).isFalse();
        assertThat(cache.snapshot().get("n1").requested().milliCpu()).isEqualTo(1000);
    }

    @Test
    void aLateUpdateOfAPodBeingBoundDoesNotQueueItAgain() {
        Pod pending = pod("p").build();
        handlers.pods().onAdd(pending);
        handlers.nodes().onAdd(node("n1").build());
        QueuedPod popped = queue.tryPop();
        cache.assume(popped.pod(), "n1");
        queue.done("p-uid");
        handlers.pods().onUpdate(pending, pending.toBuilder().editMetadata().withResourceVersion("7").endMetadata()
                .build());
        assertThat(queue.contains("p-uid")).isFalse();
        handlers.pods().onUpdate(pending, on(pending, "n1"));
        assertThat(cache.isAssumed("p-uid")).isFalse();
        assertThat(cache.podCount()).isEqualTo(1);
    }

    @Test
    void finishedAndDeletedPodsFreeTheirNode() {
        handlers.nodes().onAdd(node("n1").build());
        Pod running = on(pod("p", "1", "1Gi").build(), "n1");
        handlers.pods().onAdd(running);
        Pod done = running.toBuilder().editOrNewStatus().withPhase("Succeeded").endStatus().build();
        handlers.pods().onUpdate(running, done);
        assertThat(cache.podCount()).isZero();

        handlers.pods().onAdd(running);
        handlers.pods().onDelete(running, false);
        assertThat(cache.podCount()).isZero();
    }

    @Test
    void freedResourcesRetryPodsThatDidNotFit() {
        handlers.nodes().onAdd(node("n1").build());
        Pod pending = pod("p", "1", "1Gi").build();
        handlers.pods().onAdd(pending);
        assertThat(queue.tryPop()).isNotNull();
        queue.requeue("p-uid", Set.of("NodeResourcesFit"), true);
        clock.advance(Duration.ofSeconds(5));

        Pod other = on(pod("other", "3", "1Gi").build(), "n1");
        handlers.pods().onAdd(other);
        assertThat(queue.unschedulableCount()).as("another pod arriving does not free resources").isEqualTo(1);
        handlers.pods().onDelete(other, false);
        assertThat(queue.tryPop()).isNotNull();
    }

    @Test
    void onlySchedulingRelevantNodeChangesCount() {
        Node base = node("n1").build();
        Node heartbeat = base.toBuilder().editStatus().editFirstCondition().withLastHeartbeatTime("2026-01-01T00:01:00Z")
                .endCondition().endStatus().build();
        assertThat(SchedulerEventHandlers.schedulingRelevant(base, heartbeat)).isFalse();
        assertThat(SchedulerEventHandlers.schedulingRelevant(base,
                base.toBuilder().editSpec().withUnschedulable(true).endSpec().build())).isTrue();
        assertThat(SchedulerEventHandlers.schedulingRelevant(base,
                base.toBuilder().editMetadata().addToLabels("disk", "ssd").endMetadata().build())).isTrue();
        assertThat(SchedulerEventHandlers.schedulingRelevant(base, base.toBuilder().editSpec().addNewTaint()
                .withKey("k").withEffect("NoSchedule").endTaint().endSpec().build())).isTrue();
        assertThat(SchedulerEventHandlers.schedulingRelevant(base, base.toBuilder().editStatus()
                .addToAllocatable("cpu", new Quantity("8")).endStatus().build())).isTrue();
        assertThat(SchedulerEventHandlers.schedulingRelevant(base, base.toBuilder().editStatus().editFirstCondition()
                .withStatus("False").endCondition().endStatus().build())).isTrue();
    }
}
