package io.kubesim.scheduler;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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
 * The scheduler process: syncs its caches, then (by default) campaigns for the {@code kube-system/kube-scheduler}
 * lease and schedules while it leads. Losing the lease exits with status 1 so a supervisor restarts it as a
 * standby, as kube-scheduler does; SIGTERM stops scheduling, releases the lease and exits 0.
 */
public final class SchedulerMain {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerMain.class);
    private static final String LEASE = "kube-scheduler";

    private SchedulerMain() {
    }

    public static void main(String[] args) throws Exception {
        SchedulerOptions options;
        try {
            options = SchedulerOptions.parse(args);
        } catch (SchedulerOptions.HelpRequested e) {
            System.out.print(SchedulerOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(SchedulerOptions.USAGE);
            System.exit(2);
            return;
        }
        run(options);
    }

    private static void run(SchedulerOptions options) throws Exception {
        KubernetesClient client = Clients.fromKubeconfig(options.kubeconfig());
        ComponentMetrics metrics = new ComponentMetrics();
        InformerSet informers = new InformerSet(client);
        // Like kube-scheduler, events are reported under the profile's scheduler name.
        EventRecorder recorder = new EventRecorder(client, options.schedulerName(), null);
        Scheduler scheduler = Scheduler.create(client, informers,
                SchedulerConfig.defaults(options.schedulerName()), metrics, Scheduler.sink(recorder));
        MetricsServer metricsServer = new MetricsServer(options.metricsHost(), options.metricsPort(), metrics,
                scheduler::ready);
        LOG.info("serving metrics on {}:{}", options.metricsHost(), metricsServer.port());

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean shuttingDown = new AtomicBoolean();
        AtomicReference<CompletableFuture<?>> election = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            shuttingDown.set(true);
            CompletableFuture<?> campaign = election.get();
            if (campaign != null) {
                // Cancelling releases the lease, so a standby takes over at once.
                campaign.cancel(true);
            }
            scheduler.close();
            recorder.close();
            informers.close();
            metricsServer.close();
            metrics.close();
            client.close();
            stopped.countDown();
        }, "scheduler-shutdown"));

        scheduler.awaitSynced(Duration.ofMinutes(2));
        if (options.leaderElect()) {
            String identity = hostname() + "_" + UUID.randomUUID();
            election.set(LeaderElection.run(client, LEASE, identity, LeaderElection.Timing.DEFAULT, scheduler::start,
                    () -> {
                        if (!shuttingDown.get()) {
                            LOG.error("leaderelection lost");
                            // halt, not exit: shutdown hooks run from the elector's thread could wait on that thread.
                            Runtime.getRuntime().halt(1);
                        }
                    }));
        } else {
            scheduler.start();
        }
        stopped.await();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
