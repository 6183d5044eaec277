package io.kubesim.controllers.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;

/**
 * Active/standby through a {@code coordination.k8s.io/v1} Lease in {@code kube-system}, with
 * Fabric8's leader elector and the timings of kube-controller-manager (15 s lease, 10 s renew
 * deadline, 2 s retry). The elected instance runs {@code onStart}; losing the lease runs
 * {@code onStop}, after which the process should exit and restart as a standby, as the real
 * components do.
 */
public final class LeaderElection {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    private LeaderElection() {
    }

    /** Timings of an election. */
    public record Timing(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(15), Duration.ofSeconds(10),
                Duration.ofSeconds(2));
    }

    /** Starts campaigning; the returned future completes when this instance stops leading. */
    public static CompletableFuture<?> run(KubernetesClient client, String leaseName, String identity, Timing timing,
                                           Runnable onStart, Runnable onStop) {
        LeaderElector elector = new LeaderElector(client, new LeaderElectionConfigBuilder()
                .withName(leaseName)
                .withLock(new LeaseLock("kube-system", leaseName, identity))
                .withLeaseDuration(timing.leaseDuration())
                .withRenewDeadline(timing.renewDeadline())
                .withRetryPeriod(timing.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> {
                            LOG.info("{} became the leader of {}", identity, leaseName);
                            onStart.run();
                        },
                        () -> {
                            LOG.info("{} stopped leading {}", identity, leaseName);
                            onStop.run();
                        },
                        leader -> LOG.info("the leader of {} is {}", leaseName, leader)))
                .build(), Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "leader-election");
                    t.setDaemon(true);
                    return t;
                }));
        return elector.start();
    }
}
