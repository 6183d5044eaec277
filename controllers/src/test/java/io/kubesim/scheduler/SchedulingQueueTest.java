package io.kubesim.scheduler;

import static io.kubesim.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.kubesim.controllers.testing.MutableClock;
import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.plugins.DefaultPlugins;

class SchedulingQueueTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final SchedulingQueue queue = new SchedulingQueue(DefaultPlugins.profile("default-scheduler"), clock,
            Duration.ofSeconds(1), Duration.ofSeconds(10));

    private static PodInfo info(String name) {
        return PodInfo.of(pod(name).build());
    }

    private static PodInfo withPriority(String name, int priority) {
        return PodInfo.of(pod(name).editSpec().withPriority(priority).endSpec().build());
    }

    private String popName() {
        QueuedPod p = queue.tryPop();
        return p == null ? null : p.pod().name();
    }

    /** Pops {@code name} and fails it as unschedulable, rejected by {@code plugin}. */
    private void failUnschedulable(String name, String plugin) {
        assertThat(popName()).isEqualTo(name);
        queue.requeue(name + "-uid", Set.of(plugin), true);
    }

    @Test
    void popsByPriorityThenArrival() {
        queue.add(info("first"));
        clock.advance(Duration.ofMillis(1));
        queue.add(withPriority("urgent", 1000));
        clock.advance(Duration.ofMillis(1));
        queue.add(info("second"));
        assertThat(popName()).isEqualTo("urgent");
        assertThat(popName()).isEqualTo("first");
        assertThat(popName()).isEqualTo("second");
        assertThat(popName()).isNull();
    }

    @Test
    void unschedulablePodWaitsForAnEventThatMayHelpIt() {
        queue.add(info("p"));
        failUnschedulable("p", "TaintToleration");
        assertThat(queue.unschedulableCount()).isEqualTo(1);

        queue.onEvent(ClusterEvent.ASSIGNED_POD_DELETED);
        clock.advance(Duration.ofSeconds(30));
        assertThat(popName()).as("freeing resources does not help an untolerated taint").isNull();

        queue.onEvent(ClusterEvent.NODE_CHANGED);
        assertThat(queue.unschedulableCount()).isZero();
        assertThat(popName()).isEqualTo("p");
    }

    @Test
    void aMovedPodStillWaitsOutItsBackoff() {
        queue.add(info("p"));
        failUnschedulable("p", "NodeResourcesFit");
        queue.onEvent(ClusterEvent.ASSIGNED_POD_DELETED);
        assertThat(queue.backoffCount()).isEqualTo(1);
        assertThat(popName()).isNull();
        clock.advance(Duration.ofMillis(999));
        assertThat(popName()).isNull();
        clock.advance(Duration.ofMillis(1));
        assertThat(popName()).isEqualTo("p");
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        queue.add(info("p"));
        long[] expectedSeconds = {1, 2, 4, 8, 10, 10};
        for (long seconds : expectedSeconds) {
            assertThat(popName()).isEqualTo("p");
            queue.requeue("p-uid", Set.of(), false);
            clock.advance(Duration.ofSeconds(seconds).minusMillis(1));
            assertThat(popName()).isNull();
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(popName()).isEqualTo("p");
    }

    @Test
    void anEventDuringTheAttemptSendsThePodToBackoffNotThePool() {
        queue.add(info("p"));
        assertThat(popName()).isEqualTo("p");
        queue.onEvent(ClusterEvent.NODE_ADDED);
        queue.requeue("p-uid", Set.of("NodeResourcesFit"), true);
        assertThat(queue.unschedulableCount()).isZero();
        assertThat(queue.backoffCount()).isEqualTo(1);
    }

    @Test
    void anIrrelevantEventDuringTheAttemptDoesNot() {
        queue.add(info("p"));
        assertThat(popName()).isEqualTo("p");
        queue.onEvent(ClusterEvent.ASSIGNED_POD_ADDED);
        queue.requeue("p-uid", Set.of("NodeUnschedulable"), true);
        assertThat(queue.unschedulableCount()).isEqualTo(1);
    }

    @Test
    void unschedulablePodsAreRetriedAfterFiveMinutesAnyway() {
        queue.add(info("p"));
        failUnschedulable("p", "NodeAffinity");
        clock.advance(Duration.ofMinutes(5));
        assertThat(popName()).isEqualTo("p");
    }

    @Test
    void specChangeRetriesButStatusChangeDoesNot() {
        queue.add(info("p"));
        failUnschedulable("p", "NodeAffinity");
        clock.advance(Duration.ofSeconds(2));
        queue.update(PodInfo.of(pod("p").editOrNewStatus().addNewCondition().withType("PodScheduled")
                .withStatus("False").endCondition().endStatus().build()));
        assertThat(popName()).isNull();
        queue.update(PodInfo.of(pod("p").editSpec().withNodeSelector(java.util.Map.of("disk", "ssd")).endSpec()
                .build()));
        assertThat(popName()).isEqualTo("p");
    }

    @Test
    void deletedAndBoundPodsLeave() {
        queue.add(info("a"));
        queue.add(info("b"));
        queue.delete("a-uid");
        assertThat(popName()).isEqualTo("b");
        queue.done("b-uid");
        assertThat(queue.contains("b-uid")).isFalse();
        queue.requeue("b-uid", Set.of(), true);
        assertThat(queue.contains("b-uid")).as("a finished pod is not requeued").isFalse();
        assertThat(popName()).isNull();
    }

    @Test
    void aPodDeletedInFlightIsNotRequeued() {
        queue.add(info("a"));
        assertThat(popName()).isEqualTo("a");
        queue.delete("a-uid");
        queue.requeue("a-uid", Set.of(), false);
        clock.advance(Duration.ofMinutes(1));
        assertThat(popName()).isNull();
    }

    @Test
    void popBlocksUntilAPodArrivesAndReturnsNullWhenClosed() throws Exception {
        CompletableFuture<QueuedPod> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.pop();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        queue.add(info("late"));
        assertThat(waiting.get(5, TimeUnit.SECONDS).pod().name()).isEqualTo("late");

        CompletableFuture<QueuedPod> closed = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.pop();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        queue.close();
        assertThat(closed.get(5, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void countsPerQueue() {
        queue.add(info("a"));
        queue.add(info("b"));
        queue.add(info("c"));
        failUnschedulable("a", "NodeAffinity");
        assertThat(popName()).isEqualTo("b");
        queue.requeue("b-uid", Set.of(), false);
        assertThat(queue.activeCount()).isEqualTo(1);
        assertThat(queue.backoffCount()).isEqualTo(1);
        assertThat(queue.unschedulableCount()).isEqualTo(1);
    }
}
