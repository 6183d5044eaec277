package io.kubesim.scheduler.framework;

import java.util.Set;

/**
 * The outcome of a pre-filter: a status and, optionally, the only nodes worth filtering (null: all nodes). A
 * pre-filter that already knows the candidates (a DaemonSet pod pinned to one node by {@code matchFields}) saves
 * the cycle from looking at the others. Immutable.
 */
public record PreFilterResult(PluginStatus status, Set<String> nodeNames) {

    public static final PreFilterResult ALL = new PreFilterResult(PluginStatus.SUCCESS, null);
    public static final PreFilterResult SKIP = new PreFilterResult(PluginStatus.SKIP, null);

    public PreFilterResult {
        nodeNames = nodeNames == null ? null : Set.copyOf(nodeNames);
    }

    public static PreFilterResult only(Set<String> nodeNames) {
        return new PreFilterResult(PluginStatus.SUCCESS, nodeNames);
    }

    public static PreFilterResult rejected(PluginStatus status) {
        return new PreFilterResult(status, null);
    }

    public boolean allNodes() {
        return nodeNames == null;
    }
}
