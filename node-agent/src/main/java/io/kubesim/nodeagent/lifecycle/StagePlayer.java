package io.kubesim.nodeagent.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.controllers.runtime.ComponentMetrics;
import io.kubesim.controllers.runtime.WorkQueue;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays lifecycle stages on objects of one kind, keyed by object. Contract:
 * <ul>
 *   <li>{@link #observe} (called for every informer add/update) picks, among the stages matching
 *       the object, one by weight, and schedules it after its delay. At most one stage is pending
 *       per object: a newer event replaces the pending stage, except that a pending stage whose
 *       selector still matches keeps its original due time, so a stream of unrelated updates
 *       cannot postpone it forever.</li>
 *   <li>When the stage is due, a worker re-reads the object from the cache and re-checks the
 *       selector (a stale choice is re-evaluated instead), renders the stage and has the
 *       {@link StageTarget} write it. The watch event caused by that write triggers the next
 *       stage: the player never chains stages by itself.</li>
 *   <li>A conflict or another API error retries the same stage with per-object backoff; a
 *       {@link StageDeferredException} retries it after {@value #DEFERRED_RETRY_MILLIS} ms; a
 *       404 or a broken stage drops it.</li>
 * </ul>
 * Different objects are processed in parallel by the workers; one object is never processed by
 * two workers at once. Counts {@code kubesim_stage_transitions_total{kind,stage}}. Thread-safe.
 *
 * @param <T> the Fabric8 type
 */
public final class StagePlayer<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StagePlayer.class);
    private static final long DEFERRED_RETRY_MILLIS = 2_000;

    /**
     * A stage waiting to apply.
     *
     * @param due      when it applies
     * @param chosenAt when it was chosen (its delay runs from there)
     */
    public record Scheduled(Stage stage, Instant due, Instant chosenAt) {
    }

    private final StageEngine engine;
    private final StageTarget<T> target;
    private final int workers;
    private final Clock clock;
    private final RandomGenerator random;
    private final ComponentMetrics metrics;
    private final WorkQueue<String> queue;
    private final Map<String, Scheduled> pending = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> applied = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    public StagePlayer(StageEngine engine, StageTarget<T> target, int workers, Clock clock, RandomGenerator random,
                       ComponentMetrics metrics) {
        this.engine = engine;
        this.target = target;
        this.workers = workers;
        this.clock = clock;
        this.random = random;
        this.metrics = metrics;
        this.queue = new WorkQueue<>(clock, Duration.ofMillis(20), Duration.ofSeconds(10));
        metrics.queue("stages-" + target.kind().toLowerCase(Locale.ROOT), queue);
    }

    /** Re-evaluates {@code object} after an add or update event; never blocks on I/O. */
    public void observe(T object) {
        String key = target.key(object);
        ObjectNode tree = target.tree(object);
        Instant now = clock.instant();
        Scheduled[] chosen = new Scheduled[1];
        pending.compute(key, (k, current) -> {
            if (current != null && current.stage().selector().matches(tree)) {
                return current;
            }
            Optional<Stage> stage = engine.pick(tree, random);
            if (stage.isEmpty()) {
                return null;
            }
            Duration delay = stage.get().delay().resolve(tree, random, attempts(k, stage.get()));
            chosen[0] = new Scheduled(stage.get(), now.plus(delay), now);
            return chosen[0];
        });
        if (chosen[0] != null) {
            queue.addAfter(key, Duration.between(now, chosen[0].due()));
        }
    }

    /** Drops everything pending or remembered for the object with {@code key} (it was deleted). */
    public void forget(String key) {
        pending.remove(key);
        applied.remove(key);
    }

    /** The stage pending for {@code key}, if any. */
    public Optional<Scheduled> pending(String key) {
        return Optional.ofNullable(pending.get(key));
    }

    /** Starts the workers. */
    public synchronized void start() {
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "stages-" + target.kind().toLowerCase(Locale.ROOT) + "-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    private void work() {
        while (true) {
            String key;
            try {
                key = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (key == null) {
                return;
            }
            try {
                fire(key);
            } catch (RuntimeException e) {
                LOG.warn("stage on {} {} failed", target.kind(), key, e);
                queue.addRateLimited(key);
            } finally {
                queue.done(key);
            }
        }
    }

    /** Applies the stage pending for {@code key} if it is due; package-private for tests. */
    void fire(String key) {
        Scheduled s = pending.get(key);
        if (s == null) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(s.due())) {
            queue.addAfter(key, Duration.between(now, s.due()));
            return;
        }
        T object = target.get(key);
        if (object == null) {
            pending.remove(key, s);
            return;
        }
        ObjectNode tree = target.tree(object);
        if (!s.stage().selector().matches(tree)) {
            pending.remove(key, s);
            observe(object);
            return;
        }
        if (!pending.remove(key, s)) {
            return;
        }
        try {
            StageOutcome outcome = StageEngine.apply(tree, s.stage(),
                    target.tokens(object, tree, Duration.between(s.chosenAt(), now)));
            target.apply(object, s.stage(), outcome);
        } catch (StageDeferredException e) {
            LOG.debug("{} {}: stage {} deferred: {}", target.kind(), key, s.stage().name(), e.getMessage());
            retry(key, s, Duration.ofMillis(DEFERRED_RETRY_MILLIS));
            return;
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                if (e.getCode() != 409) {
                    LOG.info("{} {}: stage {} failed, retrying: {}", target.kind(), key, s.stage().name(),
                            e.getMessage());
                }
                retry(key, s, null);
            }
            return;
        } catch (StageException e) {
            LOG.error("{} {}: stage {} is broken: {}", target.kind(), key, s.stage().name(), e.getMessage());
            return;
        }
        queue.forget(key);
        applied.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).merge(s.stage().name(), 1, Integer::sum);
        metrics.counter("kubesim.stage.transitions", "Lifecycle stages applied.", "kind", target.kind(),
                "stage", s.stage().name()).increment();
    }

    private void retry(String key, Scheduled s, Duration after) {
        if (pending.putIfAbsent(key, s) != null) {
            return;
        }
        if (after == null) {
            queue.addRateLimited(key);
        } else {
            queue.addAfter(key, after);
        }
    }

    private int attempts(String key, Stage stage) {
        Map<String, Integer> counts = applied.get(key);
        return counts == null ? 0 : counts.getOrDefault(stage.name(), 0);
    }

    @Override
    public synchronized void close() {
        queue.shutDown();
        threads.forEach(Thread::interrupt);
        threads.clear();
    }
}
