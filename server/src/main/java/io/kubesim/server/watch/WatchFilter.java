package io.kubesim.server.watch;

/**
 * Decides whether an object is visible to a watcher or list (namespace, label and field selectors).
 * Implementations are immutable and thread-safe; {@code matches} runs under a cache lock, so it
 * must be quick.
 */
@FunctionalInterface
public interface WatchFilter {

    WatchFilter EVERYTHING = o -> true;

    boolean matches(CachedObject object);
}
