package io.kubesim.scheduler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler process: syncs its caches, then (by default) campaigns for the {@code kube-system/kube-scheduler}
 * lease and schedules while it leads (see {@link SchedulerProcess}). Losing the lease exits with status 1 so a
 * supervisor restarts it as a standby, as kube-scheduler does; SIGTERM stops scheduling, releases the lease and
 * exits 0.
 */
public final class SchedulerMain {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerMain.class);

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
        // halt, not exit: the process is of no use without the lease, and the lease is gone anyway.
        SchedulerProcess process = SchedulerProcess.start(options, () -> Runtime.getRuntime().halt(1));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            process.close();
        }, "scheduler-shutdown"));
        process.awaitStopped();
    }
}
