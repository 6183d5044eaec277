package io.kubesim.scheduler.framework;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of one scheduling cycle: the pod being placed (with its precomputed facts), the snapshot of nodes the
 * cycle works on, data plugins compute once (in pre-filter / pre-score) and read per node, and the plugins that
 * asked to be skipped for this pod. Belongs to one cycle on one thread; not thread-safe.
 */
public final class CycleState {

    private final PodInfo pod;
    private final Snapshot snapshot;
    private final Map<StateKey<?>, Object> data = new HashMap<>();
    private final Set<String> skippedFilters = new HashSet<>();
    private final Set<String> skippedScores = new HashSet<>();

    public CycleState(PodInfo pod, Snapshot snapshot) {
        this.pod = pod;
        this.snapshot = snapshot;
    }

    /** The pod this cycle places. */
    public PodInfo podInfo() {
        return pod;
    }

    /** Every node of the cycle, feasible or not. */
    public Snapshot snapshot() {
        return snapshot;
    }

    public <T> void write(StateKey<T> key, T value) {
        data.put(key, value);
    }

    /** The value written under {@code key}, or null. */
    public <T> T read(StateKey<T> key) {
        return key.type().cast(data.get(key));
    }

    /** Marks {@code plugin}'s filter as not applying to this pod (its pre-filter returned {@code SKIP}). */
    public void skipFilter(String plugin) {
        skippedFilters.add(plugin);
    }

    public boolean filterSkipped(String plugin) {
        return skippedFilters.contains(plugin);
    }

    /** Marks {@code plugin}'s score as not applying to this pod (its pre-score returned {@code SKIP}). */
    public void skipScore(String plugin) {
        skippedScores.add(plugin);
    }

    public boolean scoreSkipped(String plugin) {
        return skippedScores.contains(plugin);
    }
}
