package io.kubesim.controllers.nodelifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.testing.Fixtures;
import io.kubesim.controllers.testing.MemoryStore;
import io.kubesim.controllers.testing.MutableClock;
import io.kubesim.controllers.testing.RecordedEvents;

class NodeLifecycleTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(40);

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryStore<Node> nodes = new MemoryStore<>();
    private final MemoryStore<Lease> leases = new MemoryStore<>();
    private final MemoryStore<Pod> pods = new MemoryStore<>();
    private final RecordedEvents events = new RecordedEvents();
    private final FakeWriter writer = new FakeWriter();
    private final NodeHealthReconciler health = new NodeHealthReconciler(nodes, leases, pods, writer, events, clock,
            GRACE);

    @Test
    void aHealthyNodeIsRegisteredAndRecheckedWhenItsGraceWouldEnd() {
        nodes.put(Fixtures.readyNode("n1", T0));
        leases.put(lease("n1", T0.plusSeconds(10)));

        Result r = health.reconcile("n1");

        assertThat(events.messages()).containsExactly("Node n1 event: Registered Node n1 in Controller");
        assertThat(r.requeueAfter()).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(51));
        assertThat(writer.conditions).isEmpty();
        assertThat(writer.taints).isEmpty();
    }

    @Test
    void aSilentNodeGoesUnknownIsTaintedAndItsPodsAreMarkedNotReady() {
        nodes.put(Fixtures.readyNode("n1", T0));
        leases.put(lease("n1", T0));
        pods.put(Fixtures.runningPod("default", "web", "n1", "10.0.0.5", T0));
        health.reconcile("n1");
        clock.advance(GRACE.plusSeconds(1));

        health.reconcile("n1");

        List<NodeCondition> conditions = writer.conditions.get(0);
        assertThat(conditions).extracting(NodeCondition::getType, NodeCondition::getStatus, NodeCondition::getReason)
                .contains(org.assertj.core.groups.Tuple.tuple("Ready", "Unknown", "NodeStatusUnknown"),
                        org.assertj.core.groups.Tuple.tuple("MemoryPressure", "Unknown", "NodeStatusNeverUpdated"));
        NodeCondition ready = conditions.stream().filter(c -> c.getType().equals("Ready")).findFirst().orElseThrow();
        assertThat(ready.getMessage()).isEqualTo("Kubelet stopped posting node status.");
        assertThat(ready.getLastHeartbeatTime()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(writer.taints.get(0)).extracting(t -> t.getKey() + ":" + t.getEffect())
                .containsExactlyInAnyOrder("node.kubernetes.io/unreachable:NoSchedule",
                        "node.kubernetes.io/unreachable:NoExecute");
        assertThat(writer.notReadyPods).containsExactly("web");
        assertThat(events.all()).extracting(e -> e.reason() + " " + e.kind() + " " + e.message())
                .contains("NodeNotReady Node Node n1 status is now: NodeNotReady",
                        "NodeNotReady Pod Node is not ready");
    }

    @Test
    void aRenewedLeaseKeepsTheNodeHealthyEvenWithAnOldReadyHeartbeat() {
        nodes.put(Fixtures.readyNode("n1", T0));
        clock.advance(Duration.ofMinutes(5));
        leases.put(lease("n1", clock.instant().minusSeconds(5)));

        health.reconcile("n1");

        assertThat(writer.conditions).isEmpty();
    }

    @Test
    void taintsFollowConditionsAndCordon() {
        Node cordoned = new NodeBuilder(Fixtures.readyNode("n1", T0)).editSpec().withUnschedulable(true)
                .addNewTaint().withKey("user").withEffect("NoSchedule").endTaint().endSpec().build();
        assertThat(ControllerTaints.reconcile(cordoned, T0)).hasValueSatisfying(t -> assertThat(t)
                .extracting(Taint::getKey).containsExactly("user", "node.kubernetes.io/unschedulable"));

        Node notReady = new NodeBuilder(Fixtures.readyNode("n1", T0)).editStatus().editFirstCondition()
                .withStatus("False").endCondition().addNewCondition().withType("DiskPressure").withStatus("True")
                .endCondition().endStatus().editSpec().addNewTaint().withKey("node.kubernetes.io/unschedulable")
                .withEffect("NoSchedule").withTimeAdded("2023-01-01T00:00:00Z").endTaint().endSpec().build();
        assertThat(ControllerTaints.reconcile(notReady, T0)).hasValueSatisfying(t -> assertThat(t)
                .extracting(x -> x.getKey() + ":" + x.getEffect()).containsExactlyInAnyOrder(
                        "node.kubernetes.io/not-ready:NoSchedule", "node.kubernetes.io/not-ready:NoExecute",
                        "node.kubernetes.io/disk-pressure:NoSchedule"));

        Node recovered = new NodeBuilder(Fixtures.readyNode("n1", T0)).editSpec().addNewTaint()
                .withKey("node.kubernetes.io/unreachable").withEffect("NoExecute").endTaint().endSpec().build();
        assertThat(ControllerTaints.reconcile(recovered, T0)).hasValue(List.of());
        assertThat(ControllerTaints.reconcile(Fixtures.readyNode("n1", T0), T0)).isEmpty();
    }

    @Test
    void removedNodesAreAnnounced() {
        nodes.put(Fixtures.readyNode("n1", T0));
        health.reconcile("n1");
        nodes.remove(null, "n1");
        health.reconcile("n1");
        assertThat(events.messages()).contains("Node n1 event: Removing Node n1 from Controller");
    }

    @Test
    void taintEvictionHonoursTolerationSeconds() {
        List<String> evicted = new CopyOnWriteArrayList<>();
        TaintEvictionReconciler eviction = new TaintEvictionReconciler(nodes, pods,
                (pod, time) -> evicted.add(pod.getMetadata().getName()), events, clock);
        nodes.put(new NodeBuilder(Fixtures.readyNode("n1", T0)).editSpec().addNewTaint()
                .withKey("node.kubernetes.io/unreachable").withEffect("NoExecute").endTaint().endSpec().build());
        pods.put(tolerating(Fixtures.runningPod("default", "patient", "n1", "10.0.0.1", T0), 300L));
        pods.put(tolerating(Fixtures.runningPod("default", "quick", "n1", "10.0.0.2", T0), 5L));
        pods.put(tolerating(Fixtures.runningPod("default", "forever", "n1", "10.0.0.3", T0), null));
        pods.put(Fixtures.runningPod("default", "intolerant", "n1", "10.0.0.4", T0));

        Result first = eviction.reconcile("n1");
        assertThat(evicted).containsExactly("intolerant");
        assertThat(first.requeueAfter()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
        assertThat(events.messages()).contains("Marking for deletion Pod default/intolerant");

        clock.advance(Duration.ofSeconds(6));
        eviction.reconcile("n1");
        assertThat(evicted).containsExactly("intolerant", "quick");

        // the taint goes before the patient pod's time is up: its eviction is cancelled
        nodes.put(Fixtures.readyNode("n1", T0));
        eviction.reconcile("n1");
        assertThat(events.messages()).contains("Cancelling deletion of Pod default/patient");
        clock.advance(Duration.ofMinutes(10));
        eviction.reconcile("n1");
        assertThat(evicted).containsExactly("intolerant", "quick");
    }

    static Pod tolerating(Pod pod, Long seconds) {
        return new PodBuilder(pod).editSpec().addNewToleration().withKey("node.kubernetes.io/unreachable")
                .withOperator("Exists").withEffect("NoExecute").withTolerationSeconds(seconds).endToleration()
                .endSpec().build();
    }

    static Lease lease(String node, Instant renewed) {
        return new LeaseBuilder().withNewMetadata().withNamespace("kube-node-lease").withName(node).endMetadata()
                .withNewSpec().withHolderIdentity(node).withLeaseDurationSeconds(40)
                .withRenewTime(renewed.atZone(ZoneOffset.UTC)).endSpec().build();
    }

    private final class FakeWriter implements NodeLifecycleWriter {
        final List<List<NodeCondition>> conditions = new CopyOnWriteArrayList<>();
        final List<List<Taint>> taints = new CopyOnWriteArrayList<>();
        final List<String> notReadyPods = new CopyOnWriteArrayList<>();

        @Override
        public Node updateConditions(Node node, List<NodeCondition> c) {
            conditions.add(c);
            Node updated = new NodeBuilder(node).editStatus().withConditions(c).endStatus().build();
            nodes.put(updated);
            return updated;
        }

        @Override
        public void updateTaints(Node node, List<Taint> t) {
            taints.add(t);
        }

        @Override
        public void markPodNotReady(Pod pod, String transitionTime) {
            notReadyPods.add(pod.getMetadata().getName());
        }
    }
}
