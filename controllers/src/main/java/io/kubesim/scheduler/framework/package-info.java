/**
 * The scheduling framework: the extension points a plugin implements
 * ({@link io.kubesim.scheduler.framework.FilterPlugin}, {@link io.kubesim.scheduler.framework.ScorePlugin}, ...),
 * their results ({@link io.kubesim.scheduler.framework.PluginStatus}), per-cycle state and the immutable view of
 * nodes and pods the plugins work on ({@link io.kubesim.scheduler.framework.NodeInfo},
 * {@link io.kubesim.scheduler.framework.Snapshot}).
 */
package io.kubesim.scheduler.framework;
