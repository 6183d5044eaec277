package io.kubesim.nodeagent.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;

class NodeLayoutTest {

    @Test
    void namesNodesLikeKindWithAControlPlane() {
        List<SimulatedNode> nodes = NodeLayout.layout(NodeSettings.defaults().withCount(4));
        assertThat(nodes).extracting(SimulatedNode::name)
                .containsExactly("kubesim-control-plane", "kubesim-worker", "kubesim-worker2", "kubesim-worker3");
        assertThat(nodes).extracting(SimulatedNode::internalIp)
                .containsExactly("172.18.0.2", "172.18.0.3", "172.18.0.4", "172.18.0.5");
        SimulatedNode cp = nodes.get(0);
        assertThat(cp.controlPlane()).isTrue();
        assertThat(cp.labels()).containsEntry("node-role.kubernetes.io/control-plane", "")
                .containsEntry("kubernetes.io/hostname", "kubesim-control-plane");
        assertThat(cp.taints()).containsExactly(new NodeTaint("node-role.kubernetes.io/control-plane", "",
                "NoSchedule"));
        assertThat(nodes.get(1).labels()).doesNotContainKey("node-role.kubernetes.io/control-plane");
    }

    @Test
    void spreadsZonesRoundRobinAndGroupsRacksWithinAZone() {
        NodeSettings s = new NodeSettings(7, "sim-", false, "2", "4Gi", 50, "20Gi", List.of("a", "b"), 2,
                Map.of("team", "blue"), List.of(NodeTaint.parse("dedicated=batch:NoExecute")), "10.0.0.254");
        List<SimulatedNode> nodes = NodeLayout.layout(s);
        assertThat(nodes).extracting(SimulatedNode::name).startsWith("sim-worker", "sim-worker2");
        assertThat(nodes).extracting(n -> n.labels().get(NodeLayout.ZONE_LABEL))
                .containsExactly("a", "b", "a", "b", "a", "b", "a");
        assertThat(nodes).extracting(n -> n.labels().get(NodeLayout.RACK_LABEL))
                .containsExactly("a-rack-1", "b-rack-1", "a-rack-1", "b-rack-1", "a-rack-2", "b-rack-2", "a-rack-2");
        assertThat(nodes.get(1).internalIp()).isEqualTo("10.0.0.255");
        assertThat(nodes.get(2).internalIp()).isEqualTo("10.0.1.0");
        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.labels()).containsEntry("team", "blue");
            assertThat(n.taints()).containsExactly(new NodeTaint("dedicated", "batch", "NoExecute"));
        });
    }

    @Test
    void registersWithKubeletShapedStatusAndALeaseOwnedByTheNode() {
        NodeObjects objects = new NodeObjects(NodeSettings.defaults(), 10250, "boot-1");
        Node node = objects.node(NodeLayout.layout(NodeSettings.defaults()).get(1));
        assertThat(node.getStatus().getCapacity().get("memory").toString()).isEqualTo("8388608Ki");
        assertThat(node.getStatus().getCapacity().get("cpu").toString()).isEqualTo("4");
        assertThat(node.getStatus().getAllocatable()).isEqualTo(node.getStatus().getCapacity());
        assertThat(node.getStatus().getAddresses()).extracting(a -> a.getType() + "=" + a.getAddress())
                .containsExactly("InternalIP=172.18.0.3", "Hostname=kubesim-worker");
        assertThat(node.getStatus().getConditions()).isEmpty();
        assertThat(node.getStatus().getNodeInfo().getContainerRuntimeVersion()).startsWith("containerd://");
        assertThat(node.getMetadata().getAnnotations()).containsEntry("kubesim.io/kubelet-address", "127.0.0.1:10250");

        Lease lease = NodeObjects.lease("kubesim-worker", "uid-1", Instant.EPOCH);
        assertThat(lease.getMetadata().getNamespace()).isEqualTo("kube-node-lease");
        assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(40);
        assertThat(lease.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo("uid-1");
    }
}
