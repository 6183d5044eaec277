package io.kubesim.controllers.daemonset;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Backoff for deleting failed daemon pods on one node (upstream's failedPodsBackoff, 1 s doubling
 * to 15 min): a kubelet that keeps rejecting a pod must not make the controller hot-loop.
 * Entries idle for longer than the maximum are dropped. Thread-safe.
 */
final class FailedPodBackoff {

    static final Duration INITIAL = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(15);

    private record Entry(Duration delay, Instant lastUpdate) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The remaining wait before another deletion on this key, or zero when none is due. */
    Duration remaining(String key, Instant now) {
        Entry e = entries.get(key);
        if (e == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, e.lastUpdate().plus(e.delay()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Records a deletion now: the next one waits twice as long as the previous wait. */
    void next(String key, Instant now) {
        entries.compute(key, (k, e) -> {
            if (e == null || Duration.between(e.lastUpdate(), now).compareTo(MAX.multipliedBy(2)) > 0) {
                return new Entry(INITIAL, now);
            }
            Duration doubled = e.delay().multipliedBy(2);
            return new Entry(doubled.compareTo(MAX) > 0 ? MAX : doubled, now);
        });
        entries.entrySet().removeIf(x -> Duration.between(x.getValue().lastUpdate(), now).compareTo(MAX.multipliedBy(2)) > 0);
    }
}
