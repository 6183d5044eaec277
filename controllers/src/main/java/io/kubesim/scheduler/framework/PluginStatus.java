package io.kubesim.scheduler.framework;

import java.util.List;

/**
 * The outcome of one plugin at one extension point, as kube-scheduler's {@code Status}: a code, the reasons shown
 * to users (each reason is counted separately in the "0/N nodes are available" message), and the plugin that
 * produced it. Immutable.
 */
public record PluginStatus(Code code, List<String> reasons, String plugin) {

    /** What a plugin decided. */
    public enum Code {
        /** The pod may go there (or the plugin has nothing to say). */
        SUCCESS,
        /** The pod does not fit now, but could after preemption or a change of the node's pods. */
        UNSCHEDULABLE,
        /** The pod does not fit and preempting pods on the node would not help. */
        UNSCHEDULABLE_AND_UNRESOLVABLE,
        /** The plugin failed; the attempt is retried with backoff. */
        ERROR,
        /** The plugin does not apply to this pod; its later extension points are skipped. */
        SKIP
    }

    public static final PluginStatus SUCCESS = new PluginStatus(Code.SUCCESS, List.of(), null);
    public static final PluginStatus SKIP = new PluginStatus(Code.SKIP, List.of(), null);

    public PluginStatus {
        reasons = List.copyOf(reasons);
    }

    public static PluginStatus unschedulable(String... reasons) {
        return new PluginStatus(Code.UNSCHEDULABLE, List.of(reasons), null);
    }

    public static PluginStatus unresolvable(String... reasons) {
        return new PluginStatus(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, List.of(reasons), null);
    }

    public static PluginStatus error(String message) {
        return new PluginStatus(Code.ERROR, List.of(message), null);
    }

    /** The same status attributed to {@code pluginName}. */
    public PluginStatus withPlugin(String pluginName) {
        return new PluginStatus(code, reasons, pluginName);
    }

    public boolean isSuccess() {
        return code == Code.SUCCESS;
    }

    public boolean isSkip() {
        return code == Code.SKIP;
    }

    /** Unschedulable, resolvable or not. */
    public boolean isRejected() {
        return code == Code.UNSCHEDULABLE || code == Code.UNSCHEDULABLE_AND_UNRESOLVABLE;
    }

    /** The reasons joined by {@code ", "}. */
    public String message() {
        return String.join(", ", reasons);
    }
}
