package io.kubesim.controllers.podgc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.testing.Fixtures;
import io.kubesim.controllers.testing.MemoryStore;
import io.kubesim.controllers.testing.MutableClock;

class PodGcReconcilerTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryStore<Pod> pods = new MemoryStore<>();
    private final MemoryStore<Node> nodes = new MemoryStore<>();
    private final List<String> deleted = new CopyOnWriteArrayList<>();
    private final List<PodCondition> conditions = new CopyOnWriteArrayList<>();
    private final Set<String> liveNodes = new HashSet<>();
    private final PodGcReconciler gc = new PodGcReconciler(pods, nodes, new PodGcWriter() {
        @Override
        public void failAndForceDelete(Pod pod, PodCondition condition) {
            deleted.add(pod.getMetadata().getName());
            if (condition != null) {
                conditions.add(condition);
            }
        }

        @Override
        public boolean nodeExists(String name) {
            return liveNodes.contains(name);
        }
    }, clock, 2);

    @Test
    void orphansAreCollectedAfterTheQuarantineIfTheNodeIsReallyGone() {
        pods.put(Fixtures.runningPod("default", "orphan", "gone", "10.0.0.1", T0));

        Result wait = gc.reconcile("default/orphan");
        assertThat(deleted).isEmpty();
        assertThat(wait.requeueAfter()).isGreaterThan(Duration.ofSeconds(39));

        clock.advance(Duration.ofSeconds(41));
        gc.reconcile("default/orphan");
        assertThat(deleted).containsExactly("orphan");
        assertThat(conditions).singleElement().satisfies(c -> {
            assertThat(c.getType()).isEqualTo("DisruptionTarget");
            assertThat(c.getReason()).isEqualTo("DeletionByPodGC");
            assertThat(c.getMessage()).isEqualTo("PodGC: node no longer exists");
        });
    }

    @Test
    void aNodeTheInformerHasNotShownYetSavesItsPods() {
        pods.put(Fixtures.runningPod("default", "p", "late", "10.0.0.1", T0));
        liveNodes.add("late");
        gc.reconcile("default/p");
        clock.advance(Duration.ofSeconds(41));
        gc.reconcile("default/p");
        assertThat(deleted).isEmpty();
    }

    @Test
    void terminatingPodsOnANotReadyNodeGoOnceTheirGracePeriodIsOver() {
        Node down = new NodeBuilder(Fixtures.readyNode("down", T0)).editStatus().editFirstCondition()
                .withStatus("Unknown").endCondition().endStatus().build();
        nodes.put(down).put(Fixtures.readyNode("up", T0));
        pods.put(terminating(Fixtures.runningPod("default", "stuck", "down", "10.0.0.1", T0), T0.plusSeconds(30)));
        pods.put(terminating(Fixtures.runningPod("default", "fine", "up", "10.0.0.2", T0), T0.plusSeconds(30)));

        Result r = gc.reconcile("default/stuck");
        assertThat(r.requeueAfter()).isGreaterThan(Duration.ofSeconds(29));
        clock.advance(Duration.ofSeconds(31));
        gc.reconcile("default/stuck");
        gc.reconcile("default/fine");

        assertThat(deleted).containsExactly("stuck");
    }

    @Test
    void outOfServiceNodesReleaseTerminatingPodsAtOnce() {
        nodes.put(new NodeBuilder(Fixtures.readyNode("dead", T0)).editStatus().editFirstCondition()
                .withStatus("False").endCondition().endStatus().editSpec().addNewTaint()
                .withKey("node.kubernetes.io/out-of-service").withEffect("NoExecute").endTaint().endSpec().build());
        pods.put(terminating(Fixtures.runningPod("default", "p", "dead", "10.0.0.1", T0), T0.plusSeconds(300)));
        gc.reconcile("default/p");
        assertThat(deleted).containsExactly("p");
    }

    @Test
    void terminatedPodsBeyondTheThresholdGoOldestFirst() {
        for (int i = 0; i < 4; i++) {
            pods.put(new PodBuilder(Fixtures.runningPod("default", "done-" + i, "n", "10.0.0.1", T0.plusSeconds(i)))
                    .editStatus().withPhase("Succeeded").endStatus().build());
        }
        gc.reconcile(PodGcReconciler.TERMINATED_SWEEP);
        assertThat(deleted).containsExactly("done-0", "done-1");
    }

    private static Pod terminating(Pod pod, Instant deadline) {
        return new PodBuilder(pod).editMetadata().withDeletionTimestamp(deadline.toString())
                .withDeletionGracePeriodSeconds(30L).endMetadata().build();
    }
}
