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

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;

class NodeUnschedulableTest {

    static Stream<Arguments> cases() {
        Node cordoned = node("n").editSpec().withUnschedulable(true).endSpec().build();
        Pod plain = pod("p").build();
        Pod toleratesCordon = pod("p").editSpec().addNewToleration().withKey("node.kubernetes.io/unschedulable")
                .withOperator("Exists").withEffect("NoSchedule").endToleration().endSpec().build();
        Pod toleratesAll = pod("p").editSpec().addNewToleration().withOperator("Exists").endToleration().endSpec()
                .build();
        Pod toleratesNoExecuteOnly = pod("p").editSpec().addNewToleration()
                .withKey("node.kubernetes.io/unschedulable").withOperator("Exists").withEffect("NoExecute")
                .endToleration().endSpec().build();
        return Stream.of(
                Arguments.of("schedulable node", plain, node("n").build(), PluginStatus.SUCCESS),
                Arguments.of("cordoned node", plain, cordoned, PluginStatus.unresolvable("node(s) were unschedulable")),
                Arguments.of("tolerates the cordon taint", toleratesCordon, cordoned, PluginStatus.SUCCESS),
                Arguments.of("tolerates everything", toleratesAll, cordoned, PluginStatus.SUCCESS),
                Arguments.of("toleration for another effect", toleratesNoExecuteOnly, cordoned,
                        PluginStatus.unresolvable("node(s) were unschedulable")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filter(String name, Pod pod, Node node, PluginStatus expected) {
        NodeInfo info = nodeInfo(node);
        assertThat(new NodeUnschedulable().filter(state(pod, info), pod, info)).isEqualTo(expected);
    }
}
