package io.kubesim.controllers.nodeipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.testing.Fixtures;
import io.kubesim.controllers.testing.MemoryStore;
import io.kubesim.controllers.testing.RecordedEvents;

class NodeIpamTest {

    private final MemoryStore<Node> nodes = new MemoryStore<>();
    private final RecordedEvents events = new RecordedEvents();
    private final Map<String, String> written = new LinkedHashMap<>();
    private boolean failWrites;
    private final NodeCidrWriter writer = (node, cidr) -> {
        if (failWrites) {
            throw new KubernetesClientException("nope");
        }
        written.put(node.getMetadata().getName(), cidr);
    };

    @Test
    void cidrSetHandsOutDistinctSubnetsAndReusesReleasedOnes() {
        CidrSet set = new CidrSet(Ipv4Cidr.parse("10.244.0.0/22"), 24);
        assertThat(set.allocateNext()).contains("10.244.0.0/24");
        assertThat(set.occupy("10.244.2.0/24")).isTrue();
        assertThat(set.allocateNext()).contains("10.244.1.0/24");
        assertThat(set.allocateNext()).contains("10.244.3.0/24");
        assertThat(set.allocateNext()).isEmpty();
        set.release("10.244.1.0/24");
        assertThat(set.allocateNext()).contains("10.244.1.0/24");
        assertThat(set.occupy("192.168.0.0/24")).isFalse();
    }

    @Test
    void cidrSetOccupiesBlocksOfOtherSizes() {
        CidrSet set = new CidrSet(Ipv4Cidr.parse("10.0.0.0/16"), 24);
        set.occupy("10.0.0.0/23");
        set.occupy("10.0.2.128/25");
        assertThat(set.free()).isEqualTo(256 - 3);
        assertThat(set.allocateNext()).contains("10.0.3.0/24");
    }

    @Test
    void invalidConfigurationIsRejected() {
        assertThatThrownBy(() -> new CidrSet(Ipv4Cidr.parse("10.0.0.0/24"), 16))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Cidr.parse("fd00::/64")).hasMessageContaining("only IPv4");
    }

    @Test
    void existingAssignmentsSurviveARestartAndNewNodesGetTheNextFree() {
        nodes.put(withCidr(Fixtures.readyNode("old", Instant.EPOCH), "10.244.0.0/24"));
        nodes.put(Fixtures.readyNode("new", Instant.EPOCH));
        NodeIpamReconciler ipam = reconciler("10.244.0.0/16");

        ipam.reconcile("new");

        assertThat(written).containsExactly(Map.entry("new", "10.244.1.0/24"));
    }

    @Test
    void deletedNodesReleaseTheirCidrAndAFullRangeIsReported() {
        NodeIpamReconciler ipam = reconciler("10.244.0.0/23");
        for (String n : new String[] {"a", "b", "c"}) {
            nodes.put(Fixtures.readyNode(n, Instant.EPOCH));
        }
        ipam.reconcile("a");
        ipam.reconcile("b");
        Result full = ipam.reconcile("c");
        assertThat(full.requeue()).isTrue();
        assertThat(events.messages()).containsExactly("Node c status is now: CIDRNotAvailable");

        nodes.remove(null, "a");
        ipam.reconcile("a");
        ipam.reconcile("c");
        assertThat(written).containsEntry("c", "10.244.0.0/24");
    }

    @Test
    void aPendingWriteIsNotRepeatedAndAFailedOneIsReleased() {
        NodeIpamReconciler ipam = reconciler("10.244.0.0/24");
        nodes.put(Fixtures.readyNode("a", Instant.EPOCH));
        failWrites = true;
        assertThatThrownBy(() -> ipam.reconcile("a")).isInstanceOf(KubernetesClientException.class);
        assertThat(events.reasons()).containsExactly("CIDRAssignmentFailed");
        failWrites = false;
        ipam.reconcile("a");
        ipam.reconcile("a");
        assertThat(written).containsExactly(Map.entry("a", "10.244.0.0/24"));
    }

    private NodeIpamReconciler reconciler(String cluster) {
        return new NodeIpamReconciler(nodes, new CidrSet(Ipv4Cidr.parse(cluster), 24), writer, events);
    }

    private static Node withCidr(Node node, String cidr) {
        return new NodeBuilder(node).editSpec().withPodCIDR(cidr).withPodCIDRs(cidr).endSpec().build();
    }
}
