package io.kubesim.scheduler.plugins;

import static io.kubesim.scheduler.Fixtures.node;
import static io.kubesim.scheduler.Fixtures.nodeInfo;
import static io.kubesim.scheduler.Fixtures.pod;
import static io.kubesim.scheduler.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;
import io.kubesim.scheduler.framework.PreFilterResult;

class NodeAffinityTest {

    private static final PluginStatus MISMATCH =
            PluginStatus.unresolvable("node(s) didn't match Pod's node affinity/selector");

    private static final NodeInfo NODE = nodeInfo(node("node-a").editMetadata()
            .addToLabels("disk", "ssd").addToLabels("cores", "8").addToLabels("topology.kubernetes.io/zone", "z1")
            .endMetadata().build());

    private static NodeSelectorRequirement req(String key, String op, String... values) {
        return new NodeSelectorRequirement(key, op, values.length == 0 ? null : List.of(values));
    }

    private static NodeSelectorTerm expressions(NodeSelectorRequirement... r) {
        return new NodeSelectorTerm(List.of(r), null);
    }

    private static NodeSelectorTerm fields(NodeSelectorRequirement... r) {
        return new NodeSelectorTerm(null, List.of(r));
    }

    private static Pod requiring(NodeSelectorTerm... terms) {
        return pod("p").editSpec().withNewAffinity().withNewNodeAffinity()
                .withNewRequiredDuringSchedulingIgnoredDuringExecution().withNodeSelectorTerms(terms).endRequiredDuringSchedulingIgnoredDuringExecution()
                .endNodeAffinity().endAffinity().endSpec().build();
    }

    private static Pod selecting(Map<String, String> selector) {
        return pod("p").editSpec().withNodeSelector(selector).endSpec().build();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no constraints", pod("p").build(), PluginStatus.SUCCESS),
                Arguments.of("nodeSelector matches", selecting(Map.of("disk", "ssd")), PluginStatus.SUCCESS),
                Arguments.of("nodeSelector value differs", selecting(Map.of("disk", "hdd")), MISMATCH),
                Arguments.of("nodeSelector label missing", selecting(Map.of("gpu", "true")), MISMATCH),
                Arguments.of("In", requiring(expressions(req("disk", "In", "hdd", "ssd"))), PluginStatus.SUCCESS),
                Arguments.of("In without the value", requiring(expressions(req("disk", "In", "hdd"))), MISMATCH),
                Arguments.of("NotIn", requiring(expressions(req("disk", "NotIn", "hdd"))), PluginStatus.SUCCESS),
                Arguments.of("NotIn on a missing label", requiring(expressions(req("gpu", "NotIn", "x"))),
                        PluginStatus.SUCCESS),
                Arguments.of("NotIn with the value", requiring(expressions(req("disk", "NotIn", "ssd"))), MISMATCH),
                Arguments.of("Exists", requiring(expressions(req("disk", "Exists"))), PluginStatus.SUCCESS),
                Arguments.of("Exists on a missing label", requiring(expressions(req("gpu", "Exists"))), MISMATCH),
                Arguments.of("DoesNotExist", requiring(expressions(req("gpu", "DoesNotExist"))),
                        PluginStatus.SUCCESS),
                Arguments.of("DoesNotExist on a present label", requiring(expressions(req("disk", "DoesNotExist"))),
                        MISMATCH),
                Arguments.of("Gt", requiring(expressions(req("cores", "Gt", "4"))), PluginStatus.SUCCESS),
                Arguments.of("Gt not greater", requiring(expressions(req("cores", "Gt", "8"))), MISMATCH),
                Arguments.of("Lt", requiring(expressions(req("cores", "Lt", "16"))), PluginStatus.SUCCESS),
                Arguments.of("Gt on a non-integer label", requiring(expressions(req("disk", "Gt", "1"))), MISMATCH),
                Arguments.of("expressions of a term are ANDed", requiring(expressions(req("disk", "In", "ssd"),
                        req("gpu", "Exists"))), MISMATCH),
                Arguments.of("terms are ORed", requiring(expressions(req("gpu", "Exists")),
                        expressions(req("disk", "In", "ssd"))), PluginStatus.SUCCESS),
                Arguments.of("an empty term matches nothing", requiring(new NodeSelectorTerm(null, null)), MISMATCH),
                Arguments.of("matchFields metadata.name In", requiring(fields(req("metadata.name", "In", "node-a"))),
                        PluginStatus.SUCCESS),
                Arguments.of("matchFields another node", requiring(fields(req("metadata.name", "In", "node-b"))),
                        MISMATCH),
                Arguments.of("matchFields NotIn", requiring(fields(req("metadata.name", "NotIn", "node-b"))),
                        PluginStatus.SUCCESS),
                Arguments.of("matchFields on an unsupported field", requiring(fields(req("metadata.uid", "In",
                        "node-a"))), MISMATCH),
                Arguments.of("selector and affinity must both match", pod("p").editSpec()
                        .withNodeSelector(Map.of("disk", "hdd")).withNewAffinity().withNewNodeAffinity()
                        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
                        .withNodeSelectorTerms(expressions(req("disk", "Exists")))
                        .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
                        .endSpec().build(), MISMATCH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filter(String name, Pod pod, PluginStatus expected) {
        assertThat(new NodeAffinity().filter(state(pod, NODE), pod, NODE)).isEqualTo(expected);
    }

    static Stream<Arguments> preFilterCases() {
        return Stream.of(
                Arguments.of("nothing to check", pod("p").build(), PreFilterResult.SKIP),
                Arguments.of("only a nodeSelector", selecting(Map.of("disk", "ssd")), PreFilterResult.ALL),
                Arguments.of("label terms admit all nodes", requiring(expressions(req("disk", "Exists"))),
                        PreFilterResult.ALL),
                Arguments.of("DaemonSet-style pin", requiring(fields(req("metadata.name", "In", "node-a"))),
                        PreFilterResult.only(Set.of("node-a"))),
                Arguments.of("pins of ORed terms add up", requiring(fields(req("metadata.name", "In", "node-a")),
                        fields(req("metadata.name", "In", "node-b"))), PreFilterResult.only(Set.of("node-a", "node-b"))),
                Arguments.of("one unpinned term admits all", requiring(fields(req("metadata.name", "In", "node-a")),
                        expressions(req("disk", "Exists"))), PreFilterResult.ALL),
                Arguments.of("ANDed pins that exclude each other", requiring(fields(
                        req("metadata.name", "In", "node-a"), req("metadata.name", "In", "node-b"))),
                        PreFilterResult.rejected(PluginStatus.unresolvable("pod affinity terms conflict"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preFilterCases")
    void preFilter(String name, Pod pod, PreFilterResult expected) {
        assertThat(new NodeAffinity().preFilter(state(pod, NODE), pod, List.of(NODE))).isEqualTo(expected);
    }

    @Test
    void scoresPreferredTermsByWeight() {
        Pod pod = pod("p").editSpec().withNewAffinity().withNewNodeAffinity()
                .withPreferredDuringSchedulingIgnoredDuringExecution(
                        new PreferredSchedulingTerm(expressions(req("disk", "In", "ssd")), 30),
                        new PreferredSchedulingTerm(expressions(req("zone", "In", "z1")), 10))
                .endNodeAffinity().endAffinity().endSpec().build();
        List<NodeInfo> nodes = List.of(
                nodeInfo(node("both").editMetadata().addToLabels(Map.of("disk", "ssd", "zone", "z1")).endMetadata()
                        .build()),
                nodeInfo(node("ssd").editMetadata().addToLabels("disk", "ssd").endMetadata().build()),
                nodeInfo(node("zone").editMetadata().addToLabels("zone", "z1").endMetadata().build()),
                nodeInfo(node("none").build()));
        NodeAffinity plugin = new NodeAffinity();
        CycleState state = state(pod, nodes.toArray(NodeInfo[]::new));
        assertThat(plugin.preScore(state, pod, nodes)).isEqualTo(PluginStatus.SUCCESS);
        long[] scores = nodes.stream().mapToLong(n -> plugin.score(state, pod, n)).toArray();
        assertThat(scores).containsExactly(40, 30, 10, 0);
        plugin.normalize(state, pod, nodes, scores);
        assertThat(scores).containsExactly(100, 75, 25, 0);
        assertThat(plugin.preScore(state(pod("q").build()), pod("q").build(), nodes)).isEqualTo(PluginStatus.SKIP);
    }
}
