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
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginStatus;

class NodeResourcesFitTest {

    private static Pod withInit(Pod pod, String cpu, String restartPolicy) {
        return pod.toBuilder().editSpec().addNewInitContainer().withName("init-" + cpu).withImage("busybox")
                .withRestartPolicy(restartPolicy).withNewResources().addToRequests("cpu", new Quantity(cpu))
                .endResources().endInitContainer().endSpec().build();
    }

    static Stream<Arguments> cases() {
        NodeInfo empty = nodeInfo(node("n", "4", "8Gi").build());
        NodeInfo busy = nodeInfo(node("n", "4", "8Gi").build(), pod("a", "3500m", "7Gi").build());
        NodeInfo onePodMax = nodeInfo(node("n").editStatus().addToAllocatable("pods", new Quantity("1"))
                .endStatus().build(), pod("a").build());
        NodeInfo overCommitted = nodeInfo(node("n", "1", "1Gi").build(), pod("a", "2", "2Gi").build());
        NodeInfo smallDisk = nodeInfo(node("n").editStatus().addToAllocatable("ephemeral-storage",
                new Quantity("1Gi")).endStatus().build());
        Pod diskHungry = pod("p").editSpec().editFirstContainer().withNewResources()
                .addToRequests("ephemeral-storage", new Quantity("2Gi")).endResources().endContainer().endSpec()
                .build();
        return Stream.of(
                Arguments.of("fits an empty node", pod("p", "1", "1Gi").build(), empty, PluginStatus.SUCCESS),
                Arguments.of("fits exactly", pod("p", "4", "8Gi").build(), empty, PluginStatus.SUCCESS),
                Arguments.of("not enough cpu left", pod("p", "1", "100Mi").build(), busy,
                        PluginStatus.unschedulable("Insufficient cpu")),
                Arguments.of("every shortage is a reason", pod("p", "1", "2Gi").build(), busy,
                        PluginStatus.unschedulable("Insufficient cpu", "Insufficient memory")),
                Arguments.of("pod limit", pod("p").build(), onePodMax, PluginStatus.unschedulable("Too many pods")),
                Arguments.of("zero requests fit an over-committed node", pod("p").build(), overCommitted,
                        PluginStatus.SUCCESS),
                Arguments.of("ephemeral storage", diskHungry, smallDisk,
                        PluginStatus.unschedulable("Insufficient ephemeral-storage")),
                Arguments.of("largest init container counts", withInit(pod("p", "1", "1Gi").build(), "5", null),
                        empty, PluginStatus.unschedulable("Insufficient cpu")),
                Arguments.of("init container below the sum is free", withInit(pod("p", "3", "1Gi").build(), "2",
                        null), empty, PluginStatus.SUCCESS),
                Arguments.of("sidecar adds to the containers", withInit(pod("p", "3", "1Gi").build(), "1500m",
                        "Always"), empty, PluginStatus.unschedulable("Insufficient cpu")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filter(String name, Pod pod, NodeInfo node, PluginStatus expected) {
        assertThat(new NodeResourcesFit().filter(state(pod, node), pod, node)).isEqualTo(expected);
    }
}
