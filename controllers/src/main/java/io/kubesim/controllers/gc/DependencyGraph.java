package io.kubesim.controllers.gc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.OwnerReference;

/**
 * The owner → dependents graph over every observed object, keyed by uid. Dependents are indexed by
 * the owner uid they reference, whether or not that owner has been observed, so an owner that
 * shows up late (or never) still finds its dependents. Thread-safe (one lock).
 */
final class DependencyGraph {

    private final Map<String, GraphNode> nodes = new HashMap<>();
    private final Map<String, Set<String>> dependents = new HashMap<>();

    /** Records {@code node}, returning the snapshot it replaces (or null). */
    synchronized GraphNode upsert(GraphNode node) {
        GraphNode old = nodes.put(node.uid(), node);
        if (old != null) {
            old.owners().forEach(r -> unlink(r.getUid(), old.uid()));
        }
        node.owners().forEach(r -> dependents.computeIfAbsent(r.getUid(), k -> new HashSet<>()).add(node.uid()));
        return old;
    }

    /** Forgets the object with {@code uid}, returning its last snapshot (or null). */
    synchronized GraphNode remove(String uid) {
        GraphNode old = nodes.remove(uid);
        if (old != null) {
            old.owners().forEach(r -> unlink(r.getUid(), uid));
        }
        return old;
    }

    synchronized GraphNode get(String uid) {
        return nodes.get(uid);
    }

    /** The observed objects that reference {@code ownerUid}. */
    synchronized List<GraphNode> dependents(String ownerUid) {
        Set<String> uids = dependents.get(ownerUid);
        List<GraphNode> out = new ArrayList<>();
        if (uids != null) {
            for (String uid : uids) {
                GraphNode n = nodes.get(uid);
                if (n != null) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** The dependents of {@code ownerUid} whose reference to it blocks its foreground deletion. */
    synchronized List<GraphNode> blockingDependents(String ownerUid) {
        List<GraphNode> out = new ArrayList<>();
        for (GraphNode d : dependents(ownerUid)) {
            OwnerReference r = d.ownerRef(ownerUid);
            if (r != null && Boolean.TRUE.equals(r.getBlockOwnerDeletion())) {
                out.add(d);
            }
        }
        return out;
    }

    synchronized int size() {
        return nodes.size();
    }

    private void unlink(String ownerUid, String dependentUid) {
        Set<String> set = dependents.get(ownerUid);
        if (set != null) {
            set.remove(dependentUid);
            if (set.isEmpty()) {
                dependents.remove(ownerUid);
            }
        }
    }
}
