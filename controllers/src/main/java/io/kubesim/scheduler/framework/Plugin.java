package io.kubesim.scheduler.framework;

import java.util.EnumSet;
import java.util.Set;

/**
 * A scheduling plugin: a named piece of scheduling policy that implements one or more extension points
 * ({@link PreFilterPlugin}, {@link FilterPlugin}, {@link ScorePlugin}). Plugins are shared by all cycles of a
 * scheduler, which run on one thread at a time; they keep per-pod data in the {@link CycleState}, never in fields.
 */
public interface Plugin {

    /** The plugin's name, as kube-scheduler names it (it appears in messages such as "didn't satisfy plugin(s)"). */
    String name();

    /** The cluster events after which a pod this plugin rejected may fit; by default every event. */
    default Set<ClusterEvent> events() {
        return EnumSet.allOf(ClusterEvent.class);
    }
}
