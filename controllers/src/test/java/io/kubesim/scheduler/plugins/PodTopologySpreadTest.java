package io.kubesim.scheduler.plugins;

import static io.kubesim.scheduler.Fixtures.node;
import static io.kubesim.scheduler.Fixtures.nodeInfo;
import static io.kubesim.scheduler.Fixtures.ownedBy;
import static io.kubesim.scheduler.Fixtures.pod;
import static io.kubesim.scheduler.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;
import io.kubesim.scheduler.framework.PreFilterResult;

class PodTopologySpreadTest {

    private static final String ZONE = "topology.kubernetes.io/zone";
    private static final PluginStatus SKEWED =
            PluginStatus.unschedulable("node(s) didn't match pod topology spread constraints");
    private static final PluginStatus NO_LABEL =
            PluginStatus.unresolvable("node(s) didn't match pod topology spread constraints (missing required label)");

    private static Node zoned(String name, String zone) {
        return node(name).editMetadata().addToLabels(ZONE, zone).endMetadata().build();
    }

    private static Pod app(String name) {
        return pod(name).editMetadata().addToLabels("app", "web").endMetadata().build();
    }

    private static TopologySpreadConstraintBuilder constraint(String key, int maxSkew, String when) {
        return new TopologySpreadConstraintBuilder().withTopologyKey(key).withMaxSkew(maxSkew)
                .withWhenUnsatisfiable(when).withLabelSelector(new LabelSelector(null, Map.of("app", "web")));
    }

    private static Pod spreading(TopologySpreadConstraint... constraints) {
        return pod("new").editMetadata().addToLabels("app", "web").endMetadata().editSpec()
                .withTopologySpreadConstraints(constraints).endSpec().build();
    }

    /** zone z1: a (2 web pods), b (1 web pod); zone z2: c (1 web pod, 1 other); node d has no zone. */
    private static List<NodeInfo> cluster() {
        return List.of(
                nodeInfo(zoned("a", "z1"), app("w1"), app("w2")),
                nodeInfo(zoned("b", "z1"), app("w3")),
                nodeInfo(zoned("c", "z2"), app("w4"), pod("other").build()),
                nodeInfo(node("d").build()));
    }

    static Stream<Arguments> filterCases() {
        Pod zoneSkew1 = spreading(constraint(ZONE, 1, "DoNotSchedule").build());
        Pod zoneSkew2 = spreading(constraint(ZONE, 2, "DoNotSchedule").build());
        Pod hostSkew1 = spreading(constraint("kubernetes.io/hostname", 1, "DoNotSchedule").build());
        Pod minDomains3 = spreading(constraint(ZONE, 1, "DoNotSchedule").withMinDomains(3).build());
        Pod soft = spreading(constraint(ZONE, 1, "ScheduleAnyway").build());
        return Stream.of(
                // z1 holds 3, z2 holds 1: z1 would become 4 - 1 = 3 > 1
                Arguments.of("zone over the skew", zoneSkew1, "a", SKEWED),
                Arguments.of("zone with the fewest pods", zoneSkew1, "c", PluginStatus.SUCCESS),
                Arguments.of("larger skew allowed", zoneSkew2, "b", SKEWED),
                Arguments.of("node without the topology label", zoneSkew1, "d", NO_LABEL),
                // hostnames a=2, b=1, c=1, d=0: the minimum is 0
                Arguments.of("hostname: empty node", hostSkew1, "d", PluginStatus.SUCCESS),
                Arguments.of("hostname: one pod already", hostSkew1, "b", SKEWED),
                // only two zones exist, so the global minimum counts as 0: z2 would be 2 - 0 > 1
                Arguments.of("fewer domains than minDomains", minDomains3, "c", SKEWED),
                Arguments.of("soft constraints do not filter", soft, "a", PluginStatus.SUCCESS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterCases")
    void filter(String name, Pod pod, String node, PluginStatus expected) {
        List<NodeInfo> nodes = cluster();
        PodTopologySpread plugin = new PodTopologySpread();
        CycleState state = state(pod, nodes.toArray(NodeInfo[]::new));
        PreFilterResult pre = plugin.preFilter(state, pod, nodes);
        if (pre.status().isSkip()) {
            state.skipFilter(plugin.name());
        }
        NodeInfo target = nodes.stream().filter(n -> n.name().equals(node)).findFirst().orElseThrow();
        PluginStatus actual = state.filterSkipped(plugin.name()) ? PluginStatus.SUCCESS
                : plugin.filter(state, pod, target);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void nodeAffinityPolicyHonorIgnoresNodesThePodCannotUse() {
        // Without the nodeSelector, z2 (1 pod) would be the minimum and z1 (3) could not take another pod.
        Pod pod = spreading(constraint(ZONE, 2, "DoNotSchedule").build()).toBuilder().editSpec()
                .withNodeSelector(Map.of("pool", "blue")).endSpec().build();
        List<NodeInfo> nodes = List.of(
                nodeInfo(node("a").editMetadata().addToLabels(Map.of(ZONE, "z1", "pool", "blue")).endMetadata()
                        .build(), app("w1"), app("w2"), app("w3")),
                nodeInfo(node("b").editMetadata().addToLabels(Map.of(ZONE, "z3", "pool", "blue")).endMetadata()
                        .build(), app("w4"), app("w5")),
                nodeInfo(zoned("c", "z2"), app("w6")));
        PodTopologySpread plugin = new PodTopologySpread();
        CycleState state = state(pod, nodes.toArray(NodeInfo[]::new));
        plugin.preFilter(state, pod, nodes);
        assertThat(plugin.filter(state, pod, nodes.get(0))).isEqualTo(PluginStatus.SUCCESS);
    }

    @Test
    void skipsPodsWithoutHardConstraints() {
        Pod pod = pod("p").build();
        assertThat(new PodTopologySpread().preFilter(state(pod), pod, List.of())).isEqualTo(PreFilterResult.SKIP);
    }

    @Test
    void defaultSpreadingPrefersNodesAndZonesWithFewerReplicas() {
        Pod replica = ownedBy(pod("new"), "rs-1").build();
        Pod sibling = ownedBy(pod("s"), "rs-1").build();
        Pod stranger = ownedBy(pod("x"), "rs-2").build();
        List<NodeInfo> nodes = List.of(
                nodeInfo(zoned("a", "z1"), rename(sibling, "s1"), rename(sibling, "s2")),
                nodeInfo(zoned("b", "z1")),
                nodeInfo(zoned("c", "z2"), rename(stranger, "x1"), rename(stranger, "x2"), rename(stranger, "x3")));
        long[] scores = scores(replica, nodes);
        // a holds two replicas; b shares a's zone; c's zone holds none (other owners do not count).
        assertThat(scores[2]).isEqualTo(100);
        assertThat(scores[1]).isLessThan(scores[2]);
        assertThat(scores[0]).isLessThan(scores[1]);
    }

    @Test
    void softConstraintScoresByCountsInTheDomain() {
        Pod pod = spreading(constraint(ZONE, 1, "ScheduleAnyway").build());
        List<NodeInfo> nodes = cluster().subList(0, 3);
        long[] scores = scores(pod, nodes);
        // z1 (a, b) holds 3 matching pods, z2 (c) holds 1: weight log(2 + 2); raw 3*1.386 = 4 and 1.386 = 1.
        assertThat(scores).containsExactly(25, 25, 100);
    }

    @Test
    void podsWithoutAControllerAreNotSpreadByDefault() {
        Pod pod = pod("lonely").build();
        List<NodeInfo> nodes = cluster();
        assertThat(new PodTopologySpread().preScore(state(pod, nodes.toArray(NodeInfo[]::new)), pod, nodes))
                .isEqualTo(PluginStatus.SKIP);
    }

    private static long[] scores(Pod pod, List<NodeInfo> nodes) {
        PodTopologySpread plugin = new PodTopologySpread();
        CycleState state = state(pod, nodes.toArray(NodeInfo[]::new));
        assertThat(plugin.preScore(state, pod, nodes)).isEqualTo(PluginStatus.SUCCESS);
        long[] scores = nodes.stream().mapToLong(n -> plugin.score(state, pod, n)).toArray();
        plugin.normalize(state, pod, nodes, scores);
        assertThat(Arrays.stream(scores)).allMatch(s -> s >= 0 && s <= 100);
        return scores;
    }

    private static Pod rename(Pod pod, String name) {
        return pod.toBuilder().editMetadata().withName(name).withUid(name + "-uid").endMetadata().build();
    }
}
