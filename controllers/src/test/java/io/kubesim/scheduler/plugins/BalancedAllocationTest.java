package io.kubesim.scheduler.plugins;

import static io.kubesim.scheduler.Fixtures.node;
import static io.kubesim.scheduler.Fixtures.nodeInfo;
import static io.kubesim.scheduler.Fixtures.pod;
import static io.kubesim.scheduler.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;

class BalancedAllocationTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // fractions 0.25 and 0.25: perfectly balanced
                Arguments.of("balanced", pod("p", "1", "2Gi").build(), nodeInfo(node("n", "4", "8Gi").build()), 100L),
                // fractions 0.25 and 0.125: std 0.0625
                Arguments.of("cpu-heavy", pod("p", "1", "1Gi").build(), nodeInfo(node("n", "4", "8Gi").build()), 93L),
                // existing pod 3 cpu/1Gi + 1 cpu/1Gi: fractions 1.0 and 0.25: std 0.375
                Arguments.of("skewed node", pod("p", "1", "1Gi").build(),
                        nodeInfo(node("n", "4", "8Gi").build(), pod("a", "3", "1Gi").build()), 62L),
                // fraction above 1 is capped: cpu 8/4 -> 1.0, memory 0.5
                Arguments.of("capped fraction", pod("p", "8", "4Gi").build(), nodeInfo(node("n", "4", "8Gi").build()),
                        75L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void score(String name, Pod pod, NodeInfo node, long expected) {
        assertThat(new BalancedAllocation().score(state(pod, node), pod, node)).isEqualTo(expected);
    }

    @Test
    void skipsPodsThatRequestNothing() {
        NodeInfo node = nodeInfo(node("n").build());
        Pod bestEffort = pod("p").build();
        Pod burstable = pod("q", "100m", "0").build();
        BalancedAllocation plugin = new BalancedAllocation();
        assertThat(plugin.preScore(state(bestEffort, node), bestEffort, List.of(node))).isEqualTo(PluginStatus.SKIP);
        assertThat(plugin.preScore(state(burstable, node), burstable, List.of(node))).isEqualTo(PluginStatus.SUCCESS);
    }
}
