package io.kubesim.scheduler.framework;

import java.util.Arrays;

/**
 * How many pods of each controller a node holds, keyed by {@link PodInfo#controllerKey}. Kept as two small
 * parallel arrays rather than a map: the spreading plugin asks every node for one controller's count in every
 * cycle, and a scan of a few contiguous longs is far cheaper than hashing through scattered map entries.
 * Immutable.
 */
final class OwnerCounts {

    static final OwnerCounts EMPTY = new OwnerCounts(new long[0], new int[0]);

    private final long[] keys;
    private final int[] counts;

    private OwnerCounts(long[] keys, int[] counts) {
        this.keys = keys;
        this.counts = counts;
    }

    /** The count for {@code key}, 0 if none. */
    int get(long key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                return counts[i];
            }
        }
        return 0;
    }

    /** These counts with {@code delta} added for {@code key}; entries falling to 0 are dropped. */
    OwnerCounts plus(long key, int delta) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                int n = counts[i] + delta;
                if (n > 0) {
                    int[] c = counts.clone();
                    c[i] = n;
                    return new OwnerCounts(keys, c);
                }
                long[] k = new long[keys.length - 1];
                int[] c = new int[keys.length - 1];
                System.arraycopy(keys, 0, k, 0, i);
                System.arraycopy(keys, i + 1, k, i, keys.length - i - 1);
                System.arraycopy(counts, 0, c, 0, i);
                System.arraycopy(counts, i + 1, c, i, counts.length - i - 1);
                return new OwnerCounts(k, c);
            }
        }
        if (delta <= 0) {
            return this;
        }
        long[] k = Arrays.copyOf(keys, keys.length + 1);
        int[] c = Arrays.copyOf(counts, counts.length + 1);
        k[keys.length] = key;
        c[counts.length] = delta;
        return new OwnerCounts(k, c);
    }

    /** {@code counts} with {@code pod} counted ({@code delta} 1) or uncounted (-1), if it has a controller. */
    static OwnerCounts count(OwnerCounts counts, PodInfo pod, int delta) {
        if (pod.controllerUid() == null || pod.terminating()) {
            return counts;
        }
        return counts.plus(pod.controllerKey(), delta);
    }
}
