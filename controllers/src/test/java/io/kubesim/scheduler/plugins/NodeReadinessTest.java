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
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;

class NodeReadinessTest {

    private static Node withReady(String status) {
        NodeBuilder b = node("n").editStatus().withConditions().endStatus();
        if (status != null) {
            b = b.editStatus().addNewCondition().withType("Ready").withStatus(status).endCondition().endStatus();
        }
        return b.build();
    }

    static Stream<Arguments> cases() {
        Pod plain = pod("p").build();
        Pod daemon = pod("p").editSpec()
                .addNewToleration().withKey("node.kubernetes.io/not-ready").withOperator("Exists")
                    .withEffect("NoExecute").endToleration()
                .addNewToleration().withKey("node.kubernetes.io/unreachable").withOperator("Exists")
                    .withEffect("NoExecute").endToleration()
                .addNewToleration().withKey("node.kubernetes.io/not-ready").withOperator("Exists")
                    .withEffect("NoSchedule").endToleration()
                .endSpec().build();
        PluginStatus notReady = PluginStatus.unresolvable(
                "node(s) had untolerated taint {node.kubernetes.io/not-ready: }");
        PluginStatus unreachable = PluginStatus.unresolvable(
                "node(s) had untolerated taint {node.kubernetes.io/unreachable: }");
        return Stream.of(
                Arguments.of("ready", plain, withReady("True"), PluginStatus.SUCCESS),
                Arguments.of("not ready", plain, withReady("False"), notReady),
                Arguments.of("unknown", plain, withReady("Unknown"), unreachable),
                Arguments.of("no Ready condition yet", plain, withReady(null), notReady),
                Arguments.of("tolerates not-ready:NoSchedule", daemon, withReady("False"), PluginStatus.SUCCESS),
                Arguments.of("NoExecute toleration does not cover NoSchedule", daemon, withReady("Unknown"),
                        unreachable));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filter(String name, Pod pod, Node node, PluginStatus expected) {
        NodeInfo info = nodeInfo(node);
        assertThat(new NodeReadiness().filter(state(pod, info), pod, info)).isEqualTo(expected);
    }
}
