package io.kubesim.scheduler.plugins;

import static io.kubesim.scheduler.Fixtures.node;
import static io.kubesim.scheduler.Fixtures.nodeInfo;
import static io.kubesim.scheduler.Fixtures.pod;
import static io.kubesim.scheduler.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.scheduler.framework.NodeInfo;

class LeastAllocatedTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // (4000-1000)/4000 = 75 for cpu, (8-2)/8 = 75 for memory
                Arguments.of("empty node", pod("p", "1", "2Gi").build(), nodeInfo(node("n", "4", "8Gi").build()), 75L),
                // cpu (4000-3000)/4000 = 25, memory (8-4)/8 = 50
                Arguments.of("half used", pod("p", "1", "2Gi").build(),
                        nodeInfo(node("n", "4", "8Gi").build(), pod("a", "2", "2Gi").build()), 37L),
                // defaults 100m / 200Mi: cpu 3900/4000 = 97, memory (8192-200)/8192 = 97
                Arguments.of("best-effort pod counts default requests", pod("p").build(),
                        nodeInfo(node("n", "4", "8Gi").build()), 97L),
                Arguments.of("over-committed resource scores 0", pod("p", "5", "1Gi").build(),
                        nodeInfo(node("n", "4", "8Gi").build()), 43L),
                Arguments.of("full node", pod("p", "4", "8Gi").build(), nodeInfo(node("n", "4", "8Gi").build()), 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void score(String name, Pod pod, NodeInfo node, long expected) {
        assertThat(new LeastAllocated().score(state(pod, node), pod, node)).isEqualTo(expected);
    }
}
