package io.kubesim.controllers.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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

    /**
     * A running campaign. {@link #close} stops it and, if this instance holds the lease, gives it
     * up before returning, so a standby can take over at once (also from a shutdown hook, where
     * nothing runs after the hook). Thread-safe.
     */
    public static final class Campaign implements AutoCloseable {
        private final LeaderElector elector;
        private final ExecutorService executor;
        private final CompletableFuture<?> future;

        private Campaign(LeaderElector elector, ExecutorService executor, CompletableFuture<?> future) {
            this.elector = elector;
            this.executor = executor;
            this.future = future;
        }

        /** Completes when this instance stops leading. */
        public CompletableFuture<?> future() {
            return future;
        }

        @Override
        public void close() {
            future.cancel(true);
            // The elector's loop must be stopped first: a renewal still running would take the
            // lease right back after the release.
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                elector.release();
            } catch (RuntimeException e) {
                LOG.debug("cannot release the lease: {}", e.getMessage());
            }
        }
    }

    /** Starts campaigning; the returned future completes when this instance stops leading. */
    public static CompletableFuture<?> run(KubernetesClient client, String leaseName, String identity, Timing timing,
                                           Runnable onStart, Runnable onStop) {
        return campaign(client, leaseName, identity, timing, onStart, onStop).future();
    }

    /** Starts campaigning; close the result to stop and release the lease. */
    public static Campaign campaign(KubernetesClient client, String leaseName, String identity, Timing timing,
                                    Runnable onStart, Runnable onStop) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "leader-election");
            t.setDaemon(true);
            return t;
        });
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
                .build(), executor);
        return new Campaign(elector, executor, elector.start());
    }
}
