package io.kubesim.nodeagent.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kubesim.nodeagent.lifecycle.StageDeferredException;

class PodIpAllocatorTest {

    @Test
    void skipsNetworkGatewayAndBroadcastAndNeverHandsOutAnAddressTwice() {
        PodIpAllocator a = new PodIpAllocator("10.244.1.0/24");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 253; i++) {
            String ip = a.allocate("pod-" + i).orElseThrow();
            assertThat(seen.add(ip)).as("unique: " + ip).isTrue();
        }
        assertThat(seen).contains("10.244.1.2", "10.244.1.254")
                .doesNotContain("10.244.1.0", "10.244.1.1", "10.244.1.255");
        assertThat(a.allocate("one-too-many")).isEmpty();
        assertThat(a.inUse()).isEqualTo(253);
    }

    @Test
    void allocationIsIdempotentPerPodAndFreedAddressesAreNotReusedAtOnce() {
        PodIpAllocator a = new PodIpAllocator("10.244.2.0/24");
        String first = a.allocate("a").orElseThrow();
        assertThat(a.allocate("a")).contains(first);
        String second = a.allocate("b").orElseThrow();
        a.release("a");
        assertThat(a.allocate("c").orElseThrow()).isNotEqualTo(first).isNotEqualTo(second);
        a.release("unknown");
        assertThat(a.inUse()).isEqualTo(2);
    }

    @Test
    void wrapsAroundToFreedAddressesWhenTheRangeEnds() {
        PodIpAllocator a = new PodIpAllocator("10.0.0.0/29");
        assertThat(a.allocate("p1")).contains("10.0.0.2");
        for (int i = 2; i <= 5; i++) {
            a.allocate("p" + i).orElseThrow();
        }
        assertThat(a.allocate("p6")).isEmpty();
        a.release("p1");
        assertThat(a.allocate("p6")).contains("10.0.0.2");
    }

    @Test
    void reservesAddressesPodsAlreadyHave() {
        PodIpAllocator a = new PodIpAllocator("10.244.3.0/24");
        assertThat(a.reserve("running", "10.244.3.2")).isTrue();
        assertThat(a.reserve("running", "10.244.3.2")).isTrue();
        assertThat(a.reserve("other", "10.244.3.2")).as("taken").isFalse();
        assertThat(a.reserve("other", "10.244.4.2")).as("outside").isFalse();
        assertThat(a.reserve("other", "10.244.3.1")).as("gateway").isFalse();
        assertThat(a.allocate("new")).isNotEqualTo("10.244.3.2");
    }

    @Test
    void rejectsUnusableRanges() {
        assertThatThrownBy(() -> new PodIpAllocator("fd00::/64")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PodIpAllocator("10.0.0.0/31")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PodIpAllocator("10.0.0.0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ipamWaitsForThePodCidrAndReservesExistingPodsFirst() {
        PodIpam ipam = new PodIpam();
        assertThatThrownBy(() -> ipam.allocate("node-1", "p")).isInstanceOf(StageDeferredException.class)
                .hasMessageContaining("no pod CIDR");
        assertThat(ipam.podCidr("node-1", "10.244.5.0/24", Map.of("old", "10.244.5.2"))).isTrue();
        assertThat(ipam.podCidr("node-1", "10.244.5.0/24", Map.of())).as("unchanged").isFalse();
        assertThat(ipam.allocate("node-1", "p")).isEqualTo("10.244.5.3");
        ipam.release("p");
        assertThat(ipam.allocate("node-1", "q")).isEqualTo("10.244.5.4");
    }
}
