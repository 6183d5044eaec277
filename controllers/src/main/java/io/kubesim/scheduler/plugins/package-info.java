/**
 * The scheduling plugins of the default profile, each mirroring the kube-scheduler plugin of the same name
 * (messages included), and {@link io.kubesim.scheduler.plugins.DefaultPlugins} which assembles them.
 */
package io.kubesim.scheduler.plugins;
