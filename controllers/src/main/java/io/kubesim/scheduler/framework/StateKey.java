package io.kubesim.scheduler.framework;

/**
 * A typed key for data a plugin keeps in the {@link CycleState} between its extension points. Compared by identity
 * of name and type, so a plugin should hold its key in a constant. Immutable.
 */
public record StateKey<T>(String name, Class<T> type) {

    public static <T> StateKey<T> of(String name, Class<T> type) {
        return new StateKey<>(name, type);
    }
}
