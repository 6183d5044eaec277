package io.kubesim.controllers.daemonset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.kubesim.controllers.testing.Fixtures;
import io.kubesim.controllers.testing.MemoryStore;
import io.kubesim.controllers.testing.MutableClock;
import io.kubesim.controllers.testing.RecordedEvents;

class DaemonSetReconcilerTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0.plusSeconds(60));
    private final MemoryStore<DaemonSet> daemonSets = new MemoryStore<>();
    private final MemoryStore<Node> nodes = new MemoryStore<>();
    private final MemoryStore<Pod> pods = new MemoryStore<>();
    private final RecordedEvents events = new RecordedEvents();
    private final FakeDaemonSetWriter writer = new FakeDaemonSetWriter(pods);
    private final DaemonSetReconciler reconciler = new DaemonSetReconciler(daemonSets, nodes, pods, writer, events,
            clock);

    @Test
    void createsOnePodPerEligibleNodePinnedByAffinity() {
        nodes.put(Fixtures.readyNode("n1", T0)).put(Fixtures.readyNode("n2", T0))
                .put(tainted(Fixtures.readyNode("n3", T0), "dedicated", "NoSchedule"))
                .put(new NodeBuilder(Fixtures.readyNode("n4", T0)).editSpec().withUnschedulable(true).endSpec().build());
        daemonSets.put(ds("agent"));

        reconciler.reconcile("default/agent");

        assertThat(writer.created).extracting(p -> DaemonPods.targetNode(p).orElseThrow())
                .containsExactlyInAnyOrder("n1", "n2", "n4");
        Pod pod = writer.created.get(0);
        assertThat(pod.getMetadata().getGenerateName()).isEqualTo("agent-");
        assertThat(pod.getMetadata().getLabels()).containsKeys("controller-revision-hash", "pod-template-generation")
                .containsEntry("app", "agent").containsEntry("pod-template-generation", "1");
        assertThat(pod.getMetadata().getOwnerReferences()).singleElement().satisfies(r -> {
            assertThat(r.getKind()).isEqualTo("DaemonSet");
            assertThat(r.getController()).isTrue();
            assertThat(r.getBlockOwnerDeletion()).isTrue();
        });
        assertThat(pod.getSpec().getNodeName()).isNull();
        assertThat(pod.getSpec().getTolerations()).extracting(t -> t.getKey() + ":" + t.getEffect())
                .contains("node.kubernetes.io/not-ready:NoExecute", "node.kubernetes.io/unreachable:NoExecute",
                        "node.kubernetes.io/disk-pressure:NoSchedule", "node.kubernetes.io/memory-pressure:NoSchedule",
                        "node.kubernetes.io/pid-pressure:NoSchedule", "node.kubernetes.io/unschedulable:NoSchedule")
                .doesNotContain("node.kubernetes.io/network-unavailable:NoSchedule");
        assertThat(events.messages()).contains("Created pod: " + pod.getMetadata().getName());
        assertThat(writer.lastStatus().getDesiredNumberScheduled()).isEqualTo(3);
        assertThat(writer.lastStatus().getCurrentNumberScheduled()).isEqualTo(3);
        assertThat(writer.lastStatus().getObservedGeneration()).isEqualTo(1L);
    }

    @Test
    void ownUnobservedCreationsAreNotRepeated() {
        nodes.put(Fixtures.readyNode("n1", T0));
        daemonSets.put(ds("agent"));
        writer.visible = false;

        reconciler.reconcile("default/agent");
        reconciler.reconcile("default/agent");

        assertThat(writer.created).hasSize(1);
    }

    @Test
    void followsNodesAndTaints() {
        nodes.put(Fixtures.readyNode("n1", T0));
        daemonSets.put(ds("agent"));
        reconciler.reconcile("default/agent");
        assertThat(writer.created).hasSize(1);

        nodes.put(Fixtures.readyNode("n2", T0));
        reconciler.reconcile("default/agent");
        assertThat(writer.created).hasSize(2);

        // NoSchedule: no new pods, existing ones stay; NoExecute: they go
        nodes.put(tainted(Fixtures.readyNode("n2", T0), "maintenance", "NoSchedule"));
        reconciler.reconcile("default/agent");
        assertThat(writer.deleted).isEmpty();
        assertThat(writer.lastStatus().getDesiredNumberScheduled()).isEqualTo(1);
        assertThat(writer.lastStatus().getNumberMisscheduled()).isEqualTo(1);

        nodes.put(tainted(Fixtures.readyNode("n2", T0), "maintenance", "NoExecute"));
        reconciler.reconcile("default/agent");
        assertThat(writer.deleted).hasSize(1);
        assertThat(events.reasons()).contains("SuccessfulDelete");
    }

    @Test
    void unscheduledPodsOfRemovedNodesAreDeletedBoundOnesLeftToPodGc() {
        nodes.put(Fixtures.readyNode("n1", T0)).put(Fixtures.readyNode("n2", T0));
        daemonSets.put(ds("agent"));
        reconciler.reconcile("default/agent");
        Pod onN2 = writer.created.stream().filter(p -> DaemonPods.targetNode(p).orElseThrow().equals("n2")).findFirst()
                .orElseThrow();
        Pod onN1 = writer.created.stream().filter(p -> p != onN2).findFirst().orElseThrow();
        pods.put(new PodBuilder(onN1).editSpec().withNodeName("n1").endSpec().build());
        nodes.remove(null, "n2");
        nodes.remove(null, "n1");

        reconciler.reconcile("default/agent");

        assertThat(writer.deleted).containsExactly(onN2.getMetadata().getName());
    }

    @Test
    void failedPodsAreReplacedWithBackoff() {
        nodes.put(Fixtures.readyNode("n1", T0));
        daemonSets.put(ds("agent"));
        reconciler.reconcile("default/agent");
        Pod pod = writer.created.get(0);
        pods.put(new PodBuilder(pod).editSpec().withNodeName("n1").endSpec().withNewStatus().withPhase("Failed")
                .endStatus().build());

        reconciler.reconcile("default/agent");
        assertThat(writer.deleted).containsExactly(pod.getMetadata().getName());
        assertThat(events.messages()).contains("Found failed daemon pod default/" + pod.getMetadata().getName()
                + " on node n1, will try to kill it");
        reconciler.reconcile("default/agent");
        assertThat(writer.created).hasSize(2);
        // the replacement fails too: the next deletion waits for the backoff
        Pod second = writer.created.get(1);
        pods.put(new PodBuilder(second).editSpec().withNodeName("n1").endSpec().withNewStatus().withPhase("Failed")
                .endStatus().build());
        var result = reconciler.reconcile("default/agent");
        assertThat(writer.deleted).hasSize(1);
        assertThat(result.requeueAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(2));
        reconciler.reconcile("default/agent");
        assertThat(writer.deleted).hasSize(2);
    }

    @Test
    void rollingUpdateReplacesAtMostMaxUnavailableAtATime() {
        for (String n : List.of("n1", "n2", "n3", "n4")) {
            nodes.put(Fixtures.readyNode(n, T0));
        }
        DaemonSet v1 = ds("agent");
        daemonSets.put(v1);
        reconciler.reconcile("default/agent");
        writer.created.forEach(p -> pods.put(running(p)));
        reconciler.reconcile("default/agent");
        assertThat(writer.lastStatus().getNumberAvailable()).isEqualTo(4);
        assertThat(writer.lastStatus().getUpdatedNumberScheduled()).isEqualTo(4);

        DaemonSet v2 = new DaemonSetBuilder(v1).editMetadata().withGeneration(2L).endMetadata().editSpec()
                .editTemplate().editSpec().editFirstContainer().withImage("agent:2").endContainer().endSpec()
                .endTemplate().withNewUpdateStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(2)).endRollingUpdate().endUpdateStrategy().endSpec().build();
        daemonSets.put(v2);
        reconciler.reconcile("default/agent");

        assertThat(writer.deleted).hasSize(2);
        assertThat(writer.lastStatus().getUpdatedNumberScheduled()).isZero();
        assertThat(writer.lastStatus().getObservedGeneration()).isEqualTo(2L);
        // the deleted nodes get new pods; until those are available nothing else is replaced
        reconciler.reconcile("default/agent");
        assertThat(writer.created).hasSize(6);
        reconciler.reconcile("default/agent");
        assertThat(writer.deleted).hasSize(2);
        writer.created.subList(4, 6).forEach(p -> pods.put(running(p)));
        reconciler.reconcile("default/agent");
        assertThat(writer.deleted).hasSize(4);
    }

    @Test
    void surgeStartsTheNewPodBeforeRemovingTheOldOne() {
        nodes.put(Fixtures.readyNode("n1", T0));
        DaemonSet v1 = ds("agent");
        daemonSets.put(v1);
        reconciler.reconcile("default/agent");
        Pod old = running(writer.created.get(0));
        pods.put(old);
        DaemonSet v2 = new DaemonSetBuilder(v1).editMetadata().withGeneration(2L).endMetadata().editSpec()
                .editTemplate().editSpec().editFirstContainer().withImage("agent:2").endContainer().endSpec()
                .endTemplate().withNewUpdateStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1)).endRollingUpdate()
                .endUpdateStrategy().endSpec().build();
        daemonSets.put(v2);

        reconciler.reconcile("default/agent");
        assertThat(writer.created).hasSize(2);
        assertThat(writer.deleted).isEmpty();
        reconciler.reconcile("default/agent");
        assertThat(writer.deleted).as("the new pod is not available yet").isEmpty();

        pods.put(running(writer.created.get(1)));
        reconciler.reconcile("default/agent");
        assertThat(writer.deleted).containsExactly(old.getMetadata().getName());
    }

    @Test
    void statusCountsReadyAvailableAndUpdated() {
        nodes.put(Fixtures.readyNode("n1", T0)).put(Fixtures.readyNode("n2", T0));
        DaemonSet ds = new DaemonSetBuilder(ds("agent")).editSpec().withMinReadySeconds(30).endSpec().build();
        daemonSets.put(ds);
        reconciler.reconcile("default/agent");
        pods.put(running(writer.created.get(0), clock.instant().minusSeconds(10)));

        var result = reconciler.reconcile("default/agent");

        var status = writer.lastStatus();
        assertThat(status.getDesiredNumberScheduled()).isEqualTo(2);
        assertThat(status.getCurrentNumberScheduled()).isEqualTo(2);
        assertThat(status.getNumberReady()).isEqualTo(1);
        assertThat(status.getNumberAvailable()).isZero();
        assertThat(status.getNumberUnavailable()).isEqualTo(2);
        assertThat(status.getUpdatedNumberScheduled()).isEqualTo(2);
        assertThat(result.requeueAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    static DaemonSet ds(String name) {
        return new DaemonSetBuilder().withNewMetadata().withNamespace("default").withName(name).withUid(Fixtures.uid())
                .withGeneration(1L).endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("agent").withImage("agent:1").endContainer().endSpec()
                .endTemplate()
                .withNewUpdateStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(1)).withMaxSurge(new IntOrString(0)).endRollingUpdate()
                .endUpdateStrategy().endSpec().build();
    }

    static Node tainted(Node node, String key, String effect) {
        return new NodeBuilder(node).editSpec().addNewTaint().withKey(key).withEffect(effect).endTaint().endSpec().build();
    }

    /** The pod bound to its target node, running and ready for a long time. */
    static Pod running(Pod pod) {
        return running(pod, T0);
    }

    static Pod running(Pod pod, Instant readySince) {
        return new PodBuilder(pod).editSpec().withNodeName(DaemonPods.targetNode(pod).orElseThrow()).endSpec()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True")
                .withLastTransitionTime(readySince.toString()).endCondition().endStatus().build();
    }
}
