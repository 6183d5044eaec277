package io.kubesim.controllers.daemonset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.kubesim.controllers.testing.Fixtures;

class DaemonPodsTest {

    @Test
    void affinityPinsTheNodeAndKeepsPreferredTerms() {
        DaemonSet ds = new DaemonSetBuilder(DaemonSetReconcilerTest.ds("a")).editSpec().editTemplate().editSpec()
                .withHostNetwork(true)
                .withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewNodeSelectorTerm().addNewMatchExpression().withKey("zone").withOperator("In").withValues("a")
                .endMatchExpression().endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(1).withNewPreference()
                .addNewMatchExpression().withKey("ssd").withOperator("Exists").endMatchExpression().endPreference()
                .endPreferredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
                .endSpec().endTemplate().endSpec().build();

        Pod pod = DaemonPods.newPod(ds, "n7", "h");

        var nodeAffinity = pod.getSpec().getAffinity().getNodeAffinity();
        assertThat(nodeAffinity.getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms())
                .singleElement().satisfies(term -> {
                    assertThat(term.getMatchExpressions()).isNullOrEmpty();
                    assertThat(term.getMatchFields()).singleElement().satisfies(f -> {
                        assertThat(f.getKey()).isEqualTo("metadata.name");
                        assertThat(f.getValues()).containsExactly("n7");
                    });
                });
        assertThat(nodeAffinity.getPreferredDuringSchedulingIgnoredDuringExecution()).hasSize(1);
        assertThat(DaemonPods.targetNode(pod)).contains("n7");
        assertThat(pod.getSpec().getTolerations()).extracting(t -> t.getKey())
                .contains("node.kubernetes.io/network-unavailable");
        // the template itself is untouched
        assertThat(ds.getSpec().getTemplate().getSpec().getTolerations()).isNullOrEmpty();
        assertThat(ds.getSpec().getTemplate().getSpec().getAffinity().getNodeAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms().get(0).getMatchFields())
                .isNullOrEmpty();
    }

    @Test
    void updatedByHashOrGeneration() {
        Pod pod = DaemonPods.newPod(DaemonSetReconcilerTest.ds("a"), "n1", "abc");
        assertThat(DaemonPods.isUpdated(pod, "abc", Optional.empty())).isTrue();
        assertThat(DaemonPods.isUpdated(pod, "xyz", Optional.of(1L))).isTrue();
        assertThat(DaemonPods.isUpdated(pod, "xyz", Optional.of(2L))).isFalse();
    }

    static Stream<Arguments> eligibility() {
        Node plain = Fixtures.readyNode("n1", Instant.EPOCH);
        return Stream.of(
                Arguments.of("plain node", plain, new NodeEligibility(true, true)),
                Arguments.of("cordoned (daemon pods tolerate unschedulable)", taint(plain,
                        "node.kubernetes.io/unschedulable", "NoSchedule"), new NodeEligibility(true, true)),
                Arguments.of("not ready (tolerated)", taint(plain, "node.kubernetes.io/not-ready", "NoExecute"),
                        new NodeEligibility(true, true)),
                Arguments.of("unreachable NoSchedule is not tolerated", taint(plain, "node.kubernetes.io/unreachable",
                        "NoSchedule"), new NodeEligibility(false, true)),
                Arguments.of("custom NoExecute", taint(plain, "evict", "NoExecute"), new NodeEligibility(false, false)),
                Arguments.of("PreferNoSchedule is ignored", taint(plain, "meh", "PreferNoSchedule"),
                        new NodeEligibility(true, true)),
                Arguments.of("selector mismatch", new NodeBuilder(plain).editMetadata().withLabels(null).endMetadata()
                        .build(), new NodeEligibility(false, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eligibility")
    void nodeEligibility(String name, Node node, NodeEligibility expected) {
        DaemonSet ds = new DaemonSetBuilder(DaemonSetReconcilerTest.ds("a")).editSpec().editTemplate().editSpec()
                .addToNodeSelector("kubernetes.io/hostname", "n1").endSpec().endTemplate().endSpec().build();
        assertThat(NodeEligibility.of(node, ds)).isEqualTo(expected);
    }

    private static Node taint(Node node, String key, String effect) {
        return DaemonSetReconcilerTest.tainted(node, key, effect);
    }
}
