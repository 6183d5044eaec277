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
import io.kubesim.scheduler.framework.PluginStatus;

class NodeNameTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no node name", pod("p").build(), PluginStatus.SUCCESS),
                Arguments.of("this node", pod("p").editSpec().withNodeName("n1").endSpec().build(),
                        PluginStatus.SUCCESS),
                Arguments.of("another node", pod("p").editSpec().withNodeName("n2").endSpec().build(),
                        PluginStatus.unresolvable("node(s) didn't match the requested node name")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filter(String name, Pod pod, PluginStatus expected) {
        NodeInfo info = nodeInfo(node("n1").build());
        assertThat(new NodeName().filter(state(pod, info), pod, info)).isEqualTo(expected);
    }
}
