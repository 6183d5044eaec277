package io.kubesim.server.registry.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class AllocatorTest {

    @Test
    void clusterIpsComeFromAboveTheStaticBandThenFromIt() {
        InMemoryClusterIpAllocator ips = new InMemoryClusterIpAllocator("10.96.0.0/27");
        // 30 usable addresses, the lowest 16 form the static band.
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 14; i++) {
            String ip = ips.allocateNext("o");
            assertThat(Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1))).isGreaterThan(16);
            seen.add(ip);
        }
        assertThat(ips.allocateNext("o")).isEqualTo("10.96.0.1");
        assertThat(seen).hasSize(14).doesNotContain("10.96.0.0", "10.96.0.31");
    }

    @Test
    void fullRangeAndOwnership() {
        InMemoryClusterIpAllocator ips = new InMemoryClusterIpAllocator("10.0.0.0/30");
        ips.allocate("10.0.0.1", "a");
        ips.allocate("10.0.0.1", "a");
        assertThatThrownBy(() -> ips.allocate("10.0.0.1", "b")).isInstanceOfSatisfying(AllocationException.class,
                e -> assertThat(e.kind()).isEqualTo(AllocationException.Kind.ALREADY_ALLOCATED));
        assertThatThrownBy(() -> ips.allocate("10.0.0.3", "b")).hasMessage(
                "the provided IP (10.0.0.3) is not in the valid range. The range of valid IPs is 10.0.0.0/30");
        assertThat(ips.allocateNext("b")).isEqualTo("10.0.0.2");
        assertThatThrownBy(() -> ips.allocateNext("c")).hasMessage("range is full");
        ips.release("10.0.0.2", "a");
        assertThat(ips.isAllocated("10.0.0.2")).isTrue();
        ips.release("10.0.0.2", "b");
        assertThat(ips.isAllocated("10.0.0.2")).isFalse();
    }

    @Test
    void nodePortsStayInRange() {
        InMemoryNodePortAllocator ports = new InMemoryNodePortAllocator();
        assertThat(ports.range()).isEqualTo("30000-32767");
        assertThatThrownBy(() -> ports.allocate(8080, "a")).hasMessage(
                "provided port is not in the valid range. The range of valid ports is 30000-32767");
        ports.allocate(30080, "a");
        assertThatThrownBy(() -> ports.allocate(30080, "b")).hasMessage("provided port is already allocated");
        assertThat(ports.allocateNext("b")).isBetween(30000, 32767).isNotEqualTo(30080);
    }

    @Test
    void concurrentAllocationsNeverCollide() throws Exception {
        InMemoryClusterIpAllocator ips = new InMemoryClusterIpAllocator("10.96.0.0/22");
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String owner = "o" + t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        assertThat(seen.add(ips.allocateNext(owner))).isTrue();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(800);
    }
}
