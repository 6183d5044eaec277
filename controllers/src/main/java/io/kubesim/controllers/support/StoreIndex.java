package io.kubesim.controllers.support;

import java.util.List;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * A secondary index over an {@link ObjectStore}: a name and the keys each object is filed under.
 * Two indexes with the same name must compute the same keys, because shared informers keep one
 * index per name for every controller of a process.
 */
public record StoreIndex<T extends HasMetadata>(String name, Function<T, List<String>> keys) {

    /** Pods by {@code spec.nodeName} (unbound pods are not indexed). */
    public static final StoreIndex<Pod> PODS_BY_NODE = new StoreIndex<>("kubesim/pods-by-node", p ->
            p.getSpec() == null || p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty()
                    ? List.of() : List.of(p.getSpec().getNodeName()));
}
