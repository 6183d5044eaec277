package io.kubesim.scheduler.framework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scheduler profile: the scheduler name it serves ({@code spec.schedulerName}), its plugins in the order their
 * extension points run, and the weight of each score plugin. Built once; immutable and thread-safe (the plugins
 * themselves are used by one cycle at a time).
 */
public final class Profile {

    /** A score plugin and the factor its normalized scores are multiplied by. */
    public record WeightedScore(ScorePlugin plugin, int weight) {
    }

    private final String schedulerName;
    private final List<PreFilterPlugin> preFilters;
    private final List<FilterPlugin> filters;
    private final List<WeightedScore> scores;
    private final Map<String, Plugin> byName = new LinkedHashMap<>();

    private Profile(Builder b) {
        this.schedulerName = b.schedulerName;
        List<PreFilterPlugin> preFilters = new ArrayList<>();
        List<FilterPlugin> filters = new ArrayList<>();
        List<WeightedScore> scores = new ArrayList<>();
        for (Plugin p : b.filters) {
            register(p);
            if (p instanceof PreFilterPlugin pre && !preFilters.contains(pre)) {
                preFilters.add(pre);
            }
            filters.add((FilterPlugin) p);
        }
        for (WeightedScore s : b.scores) {
            register(s.plugin());
            if (s.plugin() instanceof PreFilterPlugin pre && !preFilters.contains(pre)) {
                preFilters.add(pre);
            }
            scores.add(s);
        }
        this.preFilters = List.copyOf(preFilters);
        this.filters = List.copyOf(filters);
        this.scores = List.copyOf(scores);
    }

    private void register(Plugin p) {
        Plugin previous = byName.putIfAbsent(p.name(), p);
        if (previous != null && previous != p) {
            throw new IllegalArgumentException("two different plugins are called " + p.name());
        }
    }

    public static Builder builder(String schedulerName) {
        return new Builder(schedulerName);
    }

    /** The {@code spec.schedulerName} this profile schedules. */
    public String schedulerName() {
        return schedulerName;
    }

    public List<PreFilterPlugin> preFilters() {
        return preFilters;
    }

    public List<FilterPlugin> filters() {
        return filters;
    }

    public List<WeightedScore> scores() {
        return scores;
    }

    /** The plugin called {@code name}, or null. */
    public Plugin plugin(String name) {
        return byName.get(name);
    }

    /**
     * Whether {@code event} may make schedulable a pod that {@code rejectors} (plugin names) turned down. A pod
     * rejected for no plugin in particular (no nodes at all, an error) is retried on any event.
     */
    public boolean mayHelp(ClusterEvent event, Collection<String> rejectors) {
        if (rejectors.isEmpty()) {
            return true;
        }
        for (String name : rejectors) {
            Plugin p = byName.get(name);
            if (p == null || p.events().contains(event)) {
                return true;
            }
        }
        return false;
    }

    /** Collects plugins in order. Not thread-safe. */
    public static final class Builder {
        private final String schedulerName;
        private final List<Plugin> filters = new ArrayList<>();
        private final List<WeightedScore> scores = new ArrayList<>();

        private Builder(String schedulerName) {
            this.schedulerName = schedulerName;
        }

        /** Adds a filter (and its pre-filter, if it has one) after the ones added before. */
        public Builder filter(FilterPlugin plugin) {
            filters.add(plugin);
            return this;
        }

        /** Adds a score plugin with {@code weight} (and its pre-filter, if it has one). */
        public Builder score(ScorePlugin plugin, int weight) {
            if (weight <= 0) {
                throw new IllegalArgumentException("score weight must be positive: " + plugin.name());
            }
            scores.add(new WeightedScore(plugin, weight));
            return this;
        }

        public Profile build() {
            return new Profile(this);
        }
    }
}
