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

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;

class TaintTolerationTest {

    private static Node tainted(Taint... taints) {
        return node("n").editSpec().withTaints(taints).endSpec().build();
    }

    private static Pod tolerating(Toleration... tolerations) {
        return pod("p").editSpec().withTolerations(tolerations).endSpec().build();
    }

    private static Taint taint(String key, String value, String effect) {
        return new Taint(effect, key, null, value);
    }

    private static Toleration toleration(String key, String operator, String value, String effect) {
        return new Toleration(effect, key, operator, null, value);
    }

    static Stream<Arguments> cases() {
        Taint controlPlane = taint("node-role.kubernetes.io/control-plane", null, "NoSchedule");
        Taint gpu = taint("dedicated", "gpu", "NoSchedule");
        Taint evict = taint("maintenance", "true", "NoExecute");
        return Stream.of(
                Arguments.of("no taints", tolerating(), node("n").build(), PluginStatus.SUCCESS),
                Arguments.of("control-plane taint", tolerating(), tainted(controlPlane), PluginStatus.unresolvable(
                        "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }")),
                Arguments.of("Equal with the right value", tolerating(toleration("dedicated", "Equal", "gpu",
                        "NoSchedule")), tainted(gpu), PluginStatus.SUCCESS),
                Arguments.of("no operator means Equal", tolerating(toleration("dedicated", null, "gpu", null)),
                        tainted(gpu), PluginStatus.SUCCESS),
                Arguments.of("Equal with another value", tolerating(toleration("dedicated", "Equal", "cpu",
                        "NoSchedule")), tainted(gpu),
                        PluginStatus.unresolvable("node(s) had untolerated taint {dedicated: gpu}")),
                Arguments.of("Exists on the key", tolerating(toleration("dedicated", "Exists", null, null)),
                        tainted(gpu), PluginStatus.SUCCESS),
                Arguments.of("Exists without key tolerates all", tolerating(toleration(null, "Exists", null, null)),
                        tainted(gpu, evict, controlPlane), PluginStatus.SUCCESS),
                Arguments.of("effect must match", tolerating(toleration("maintenance", "Exists", null, "NoSchedule")),
                        tainted(evict), PluginStatus.unresolvable("node(s) had untolerated taint {maintenance: true}")),
                Arguments.of("first untolerated taint is reported", tolerating(toleration("dedicated", "Exists",
                        null, null)), tainted(gpu, evict, controlPlane),
                        PluginStatus.unresolvable("node(s) had untolerated taint {maintenance: true}")),
                Arguments.of("PreferNoSchedule does not filter", tolerating(),
                        tainted(taint("soft", "x", "PreferNoSchedule")), PluginStatus.SUCCESS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filter(String name, Pod pod, Node node, PluginStatus expected) {
        NodeInfo info = nodeInfo(node);
        assertThat(new TaintToleration().filter(state(pod, info), pod, info)).isEqualTo(expected);
    }

    @Test
    void scoresFewerIntolerablePreferNoScheduleTaintsHigher() {
        Taint soft1 = taint("a", "1", "PreferNoSchedule");
        Taint soft2 = taint("b", "1", "PreferNoSchedule");
        Pod pod = tolerating(toleration("b", "Exists", null, "PreferNoSchedule"),
                toleration("a", "Exists", null, "NoSchedule"));
        List<NodeInfo> nodes = List.of(nodeInfo(node("clean").build()), nodeInfo(tainted(soft2)),
                nodeInfo(tainted(soft1)), nodeInfo(tainted(soft1, taint("c", "1", "PreferNoSchedule"))));
        TaintToleration plugin = new TaintToleration();
        CycleState state = state(pod, nodes.toArray(NodeInfo[]::new));
        long[] scores = nodes.stream().mapToLong(n -> plugin.score(state, pod, n)).toArray();
        assertThat(scores).containsExactly(0, 0, 1, 2);
        plugin.normalize(state, pod, nodes, scores);
        assertThat(scores).containsExactly(100, 100, 50, 0);
    }
}
