package io.kubesim.controllers.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.kubesim.controllers.testing.Fixtures;

class NodeSelectorsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no constraints", new PodSpecBuilder().build(), true),
                Arguments.of("nodeSelector matches", new PodSpecBuilder().addToNodeSelector("zone", "a").build(), true),
                Arguments.of("nodeSelector differs", new PodSpecBuilder().addToNodeSelector("zone", "b").build(), false),
                Arguments.of("In", affinity("zone", "In", "a", "c"), true),
                Arguments.of("NotIn", affinity("zone", "NotIn", "a"), false),
                Arguments.of("NotIn absent label", affinity("rack", "NotIn", "r1"), true),
                Arguments.of("Exists", affinity("zone", "Exists"), true),
                Arguments.of("DoesNotExist", affinity("zone", "DoesNotExist"), false),
                Arguments.of("Gt", affinity("cores", "Gt", "4"), true),
                Arguments.of("Lt", affinity("cores", "Lt", "4"), false),
                Arguments.of("Gt with a non-number", affinity("zone", "Gt", "4"), false),
                Arguments.of("matchFields name", fields("metadata.name", "In", "n1"), true),
                Arguments.of("matchFields other name", fields("metadata.name", "In", "n2"), false),
                Arguments.of("matchFields unsupported key", fields("spec.unschedulable", "In", "n1"), false),
                Arguments.of("empty term matches nothing", new PodSpecBuilder().withNewAffinity().withNewNodeAffinity()
                        .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm()
                        .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity()
                        .endAffinity().build(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matches(String name, PodSpec spec, boolean expected) {
        Node node = new NodeBuilder(Fixtures.readyNode("n1", Instant.EPOCH)).editMetadata()
                .addToLabels("zone", "a").addToLabels("cores", "8").endMetadata().build();
        assertThat(NodeSelectors.matches(spec, node)).isEqualTo(expected);
    }

    static PodSpec affinity(String key, String op, String... values) {
        return new PodSpecBuilder().withNewAffinity().withNewNodeAffinity()
                .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm()
                .addNewMatchExpression().withKey(key).withOperator(op).withValues(values).endMatchExpression()
                .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity()
                .endAffinity().build();
    }

    static PodSpec fields(String key, String op, String... values) {
        return new PodSpecBuilder().withNewAffinity().withNewNodeAffinity()
                .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm()
                .addNewMatchField().withKey(key).withOperator(op).withValues(values).endMatchField()
                .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity()
                .endAffinity().build();
    }
}
