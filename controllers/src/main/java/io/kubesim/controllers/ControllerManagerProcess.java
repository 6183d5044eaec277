package io.kubesim.controllers;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubesim.controllers.runtime.Clients;
import io.kubesim.controllers.runtime.ComponentMetrics;
import io.kubesim.controllers.runtime.InformerSet;
import io.kubesim.controllers.runtime.LeaderElection;
import io.kubesim.controllers.runtime.MetricsServer;

/**
 * A running controller-manager: client, metrics endpoint, shared informers and the controllers,
 * started when this instance holds the {@code kube-system/kube-controller-manager} lease (or at
 * once without leader election). Losing the lease hands control to {@code onLeadershipLost}
 * (the real component exits so a restart rejoins as a standby). {@link #close} stops everything
 * and releases the lease. Thread-safe.
 */
public final class ControllerManagerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerManagerProcess.class);
    static final String LEASE = "kube-controller-manager";

    private final ControllerManagerOptions options;
    private final Runnable onLeadershipLost;
    private final KubernetesClient client;
    private final ComponentMetrics metrics;
    private final InformerSet informers;
    private final ControllerContext context;
    private final ControllerManager manager;
    private final MetricsServer metricsServer;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile boolean closing;
    private LeaderElection.Campaign election;

    private ControllerManagerProcess(ControllerManagerOptions options, Runnable onLeadershipLost) {
        this.options = options;
        this.onLeadershipLost = onLeadershipLost;
        this.client = Clients.fromKubeconfig(options.kubeconfig());
        this.metrics = new ComponentMetrics();
        this.informers = new InformerSet(client);
        this.context = new ControllerContext(client, informers, metrics, Clock.systemUTC(), options);
        this.manager = new ControllerManager(context);
        this.metricsServer = new MetricsServer(options.metricsHost(), options.metricsPort(), metrics,
                () -> running && informers.hasSynced());
    }

    /**
     * Starts serving metrics and campaigns for the lease (or starts the controllers directly).
     *
     * @param onLeadershipLost run (on an internal thread) if the lease is lost while not closing
     */
    public static ControllerManagerProcess start(ControllerManagerOptions options, Runnable onLeadershipLost) {
        ControllerManagerProcess p = new ControllerManagerProcess(options, onLeadershipLost);
        LOG.info("serving metrics on {}:{}", options.metricsHost(), p.metricsPort());
        if (options.leaderElect()) {
            synchronized (p) {
                p.election = LeaderElection.campaign(p.client, LEASE, options.identity(), LeaderElection.Timing.DEFAULT,
                        p::startControllersAsync, p::leadershipLost);
            }
        } else {
            p.startControllersAsync();
        }
        return p;
    }

    public int metricsPort() {
        return metricsServer.port();
    }

    /** True once the controllers run (this instance leads, or leader election is off). */
    public boolean isRunning() {
        return running;
    }

    /** Blocks until {@link #close} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Cache sync can take long; the leader-election thread must stay free to renew the lease. */
    private void startControllersAsync() {
        Thread t = new Thread(() -> {
            try {
                manager.start();
                running = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                if (!closing) {
                    LOG.error("cannot start the controllers: {}", e.toString());
                    onLeadershipLost.run();
                }
            }
        }, "controller-manager-start");
        t.setDaemon(true);
        t.start();
    }

    private void leadershipLost() {
        if (closing) {
            return;
        }
        LOG.error("leaderelection lost");
        Thread t = new Thread(onLeadershipLost, "controller-manager-exit");
        t.start();
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        running = false;
        synchronized (this) {
            if (election != null) {
                election.close();
            }
        }
        manager.close();
        informers.close();
        context.close();
        metricsServer.close();
        client.close();
        metrics.close();
        LOG.info("controller-manager stopped");
        stopped.countDown();
    }
}
