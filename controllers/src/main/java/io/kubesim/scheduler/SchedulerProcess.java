package io.kubesim.scheduler;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubesim.controllers.runtime.Clients;
import io.kubesim.controllers.runtime.ComponentMetrics;
import io.kubesim.controllers.runtime.EventRecorder;
import io.kubesim.controllers.runtime.InformerSet;
import io.kubesim.controllers.runtime.LeaderElection;
import io.kubesim.controllers.runtime.MetricsServer;

/**
 * A running scheduler: client, metrics endpoint, pod and node informers and the scheduling loop, which runs once
 * the caches are synced and this instance holds the {@code kube-system/kube-scheduler} lease (or at once without
 * leader election). Losing the lease, or failing to sync, hands control to {@code onLeadershipLost} (the real
 * component exits so a restart rejoins as a standby). {@link #close} stops scheduling and releases the lease.
 * Thread-safe.
 */
public final class SchedulerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerProcess.class);
    static final String LEASE = "kube-scheduler";
    private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(2);

    private final SchedulerOptions options;
    private final Runnable onLeadershipLost;
    private final KubernetesClient client;
    private final ComponentMetrics metrics;
    private final InformerSet informers;
    private final EventRecorder recorder;
    private final Scheduler scheduler;
    private final MetricsServer metricsServer;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile boolean closing;
    private LeaderElection.Campaign election;

    private SchedulerProcess(SchedulerOptions options, Runnable onLeadershipLost) {
        this.options = options;
        this.onLeadershipLost = onLeadershipLost;
        this.client = Clients.fromKubeconfig(options.kubeconfig());
        this.metrics = new ComponentMetrics();
        this.informers = new InformerSet(client);
        // Like kube-scheduler, events are reported under the profile's scheduler name.
        this.recorder = new EventRecorder(client, options.schedulerName(), null);
        this.scheduler = Scheduler.create(client, informers, SchedulerConfig.defaults(options.schedulerName()),
                metrics, Scheduler.sink(recorder));
        this.metricsServer = new MetricsServer(options.metricsHost(), options.metricsPort(), metrics,
                scheduler::ready);
    }

    /**
     * Starts serving metrics, then (on an internal thread) syncs the caches and campaigns for the lease or starts
     * scheduling directly.
     *
     * @param onLeadershipLost run (on an internal thread) if the lease is lost, or the caches cannot be synced,
     *                         while not closing
     */
    public static SchedulerProcess start(SchedulerOptions options, Runnable onLeadershipLost) {
        SchedulerProcess p = new SchedulerProcess(options, onLeadershipLost);
        LOG.info("serving metrics on {}:{}", options.metricsHost(), p.metricsPort());
        Thread t = new Thread(p::syncThenSchedule, "scheduler-start");
        t.setDaemon(true);
        t.start();
        return p;
    }

    public int metricsPort() {
        return metricsServer.port();
    }

    /** True once pods are being scheduled (this instance leads, or leader election is off). */
    public boolean isRunning() {
        return running;
    }

    /** Blocks until {@link #close} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private void syncThenSchedule() {
        try {
            scheduler.awaitSynced(SYNC_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            if (!closing) {
                LOG.error("cannot sync the scheduler's caches: {}", e.toString());
                onLeadershipLost.run();
            }
            return;
        }
        if (!options.leaderElect()) {
            startScheduling();
            return;
        }
        synchronized (this) {
            if (!closing) {
                election = LeaderElection.campaign(client, LEASE, identity(), LeaderElection.Timing.DEFAULT,
                        this::startScheduling, this::leadershipLost);
            }
        }
    }

    private void startScheduling() {
        scheduler.start();
        running = true;
    }

    private void leadershipLost() {
        running = false;
        if (closing) {
            return;
        }
        LOG.error("leaderelection lost");
        // Not on the elector's thread: an exit there would make shutdown wait for that very thread.
        Thread t = new Thread(onLeadershipLost, "scheduler-exit");
        t.start();
    }

    /** {@code <hostname>_<uuid>}, as kube-scheduler names itself in its lease. */
    private static String identity() {
        try {
            return InetAddress.getLocalHost().getHostName() + "_" + UUID.randomUUID();
        } catch (UnknownHostException e) {
            return "localhost_" + UUID.randomUUID();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            running = false;
            if (election != null) {
                // Releases the lease, so a standby takes over at once.
                election.close();
            }
        }
        scheduler.close();
        recorder.close();
        informers.close();
        metricsServer.close();
        metrics.close();
        client.close();
        LOG.info("scheduler stopped");
        stopped.countDown();
    }
}
