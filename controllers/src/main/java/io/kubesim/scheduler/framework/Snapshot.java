package io.kubesim.scheduler.framework;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes (with their pods) one scheduling cycle works on, taken from the cache at the start of the cycle. Only
 * nodes whose Node object is known are listed. Immutable and thread-safe.
 */
public final class Snapshot {

    private final List<NodeInfo> nodes;
    private final Map<String, NodeInfo> byName;

    private Snapshot(List<NodeInfo> nodes) {
        this.nodes = nodes;
        this.byName = new HashMap<>(nodes.size() * 2);
        for (NodeInfo n : nodes) {
            byName.put(n.name(), n);
        }
    }

    /** A snapshot of {@code nodes} in the given order; entries without a Node object are left out. */
    public static Snapshot of(Collection<NodeInfo> nodes) {
        return new Snapshot(nodes.stream().filter(n -> n.node() != null).toList());
    }

    public static Snapshot of(NodeInfo... nodes) {
        return of(List.of(nodes));
    }

    public List<NodeInfo> nodes() {
        return nodes;
    }

    /** The node called {@code name}, or null. */
    public NodeInfo get(String name) {
        return byName.get(name);
    }

    public int size() {
        return nodes.size();
    }
}
