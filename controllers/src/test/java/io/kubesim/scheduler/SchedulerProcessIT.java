package io.kubesim.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;

/**
 * The scheduler as its main runs it: a {@link SchedulerProcess} takes the {@code kube-system/kube-scheduler} lease,
 * binds a pending pod, and gives the lease up when closed (without reporting a lost lease).
 */
class SchedulerProcessIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void leadsSchedulesAndReleasesTheLeaseOnClose() {
        AtomicBoolean lost = new AtomicBoolean();
        try (TestCluster cluster = TestCluster.start()) {
            cluster.createNode("worker-1", "4", Map.of(), List.of(), false);
            SchedulerOptions options = new SchedulerOptions(cluster.schedulerKubeconfig(), "127.0.0.1", 0, true,
                    "default-scheduler");
            try (SchedulerProcess process = SchedulerProcess.start(options, () -> lost.set(true))) {
                await().atMost(WAIT).until(process::isRunning);
                assertThat(process.metricsPort()).isPositive();
                assertThat(lease(cluster).getSpec().getHolderIdentity()).isNotBlank();

                Pod pod = Fixtures.pod("web").editMetadata().withUid(null).endMetadata().build();
                cluster.admin().pods().inNamespace("default").resource(pod).create();
                await().atMost(WAIT).until(() -> "worker-1".equals(cluster.admin().pods().inNamespace("default")
                        .withName("web").get().getSpec().getNodeName()));
            }
            // Fabric8 releases by cutting the lease to one second (its merge patch leaves the holder in place).
            assertThat(lease(cluster).getSpec().getLeaseDurationSeconds()).as("released on close").isEqualTo(1);
            assertThat(lost).as("closing is not losing").isFalse();
        }
    }

    private static Lease lease(TestCluster cluster) {
        return cluster.admin().leases().inNamespace("kube-system").withName("kube-scheduler").get();
    }
}
