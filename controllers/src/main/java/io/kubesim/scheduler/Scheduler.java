package io.kubesim.scheduler;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubesim.controllers.runtime.ComponentMetrics;
import io.kubesim.controllers.runtime.EventRecorder;
import io.kubesim.controllers.runtime.InformerSet;
import io.kubesim.scheduler.framework.Profile;
import io.kubesim.scheduler.plugins.DefaultPlugins;

/**
 * The scheduler as a whole: the default profile, the cache and queue fed by pod and node informers, and the
 * scheduling loop on its own thread. {@link #create} registers the informer handlers (start the informers
 * afterwards, e.g. with {@link #awaitSynced}); {@link #start} starts scheduling (only the leader does);
 * {@link #close} stops the loop and waits briefly for outstanding bindings. Thread-safe.
 */
public final class Scheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final InformerSet informers;
    private final SchedulingQueue queue;
    private final SchedulerCache cache;
    private final SchedulingLoop loop;
    private final ExecutorService callbacks;
    private Thread thread;

    private Scheduler(InformerSet informers, SchedulingQueue queue, SchedulerCache cache, SchedulingLoop loop,
                      ExecutorService callbacks) {
        this.informers = informers;
        this.queue = queue;
        this.cache = cache;
        this.loop = loop;
        this.callbacks = callbacks;
    }

    /** Wires a scheduler onto {@code informers} (pods and nodes) writing through {@code client}. */
    public static Scheduler create(KubernetesClient client, InformerSet informers, SchedulerConfig config,
                                   ComponentMetrics metrics, EventSink events) {
        return create(informers, config, metrics, events, new HttpPodApi(client));
    }

    /** Like {@link #create(KubernetesClient, InformerSet, SchedulerConfig, ComponentMetrics, EventSink)}, writing
     * pods through {@code api} (e.g. an instrumented one). */
    public static Scheduler create(InformerSet informers, SchedulerConfig config, ComponentMetrics metrics,
                                   EventSink events, PodApi api) {
        Profile profile = DefaultPlugins.profile(config.schedulerName());
        SchedulerCache cache = new SchedulerCache();
        SchedulingQueue queue = new SchedulingQueue(profile, config.clock(), config.initialBackoff(),
                config.maxBackoff());
        SchedulerEventHandlers handlers = new SchedulerEventHandlers(config.schedulerName(), cache, queue);
        informers.of(Node.class).addEventHandler(handlers.nodes());
        informers.of(Pod.class).addEventHandler(handlers.pods());
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scheduler-binding");
            t.setDaemon(true);
            return t;
        });
        SchedulingLoop loop = new SchedulingLoop(queue, cache, new SchedulingAlgorithm(profile, new SplittableRandom()),
                api, events, new SchedulerMetrics(metrics, config.schedulerName(), queue),
                config.clock(), callbacks, config.maxInFlightBinds());
        return new Scheduler(informers, queue, cache, loop, callbacks);
    }

    /** An event sink writing through {@code recorder} (whose component should be {@code default-scheduler}). */
    public static EventSink sink(EventRecorder recorder) {
        return (pod, type, reason, message) -> recorder.record(pod, null, type, reason, message);
    }

    /** Starts the informers if needed and waits until pods and nodes are listed, at most {@code timeout}. */
    public void awaitSynced(Duration timeout) throws Exception {
        informers.awaitSynced(timeout);
    }

    /** Whether the informer caches are synced (for {@code /readyz}). */
    public boolean ready() {
        return informers.hasSynced();
    }

    /** Starts the scheduling loop. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(loop, "scheduler");
        thread.setDaemon(true);
        thread.start();
        LOG.info("scheduling started");
    }

    /** The queue, for inspection. */
    public SchedulingQueue queue() {
        return queue;
    }

    /** The cache, for inspection. */
    public SchedulerCache cache() {
        return cache;
    }

    @Override
    public synchronized void close() {
        loop.stop();
        queue.close();
        try {
            if (thread != null) {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
            if (!loop.awaitBindings(Duration.ofSeconds(5))) {
                LOG.warn("stopping with bindings still outstanding");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        callbacks.shutdown();
    }
}
