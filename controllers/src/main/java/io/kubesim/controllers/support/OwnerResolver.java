package io.kubesim.controllers.support;

import java.util.List;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;

/**
 * The owners of one kind that an event about a dependent concerns, found in the owners' cache as
 * the workload controllers' informer handlers find them: the owner a controller reference names
 * (if the cache holds it with the referenced uid), or, for an orphan, every owner whose selector
 * matches the dependent (so it can be adopted). Does no I/O: safe on informer threads. Thread-safe.
 *
 * @param <O> the owner kind (ReplicaSets for pods, Deployments for ReplicaSets, ...)
 */
public final class OwnerResolver<O extends HasMetadata> {

    private final ObjectStore<O> owners;
    private final String kind;
    private final Function<O, LabelSelector> selector;

    /**
     * @param kind     the owners' kind as owner references name it (e.g. {@code ReplicaSet})
     * @param selector an owner's selector of dependents
     */
    public OwnerResolver(ObjectStore<O> owners, String kind, Function<O, LabelSelector> selector) {
        this.owners = owners;
        this.kind = kind;
        this.selector = selector;
    }

    /** The owner {@code ref} names in {@code namespace}, or null if it is of another kind, gone or replaced. */
    public O resolve(String namespace, OwnerReference ref) {
        if (!kind.equals(ref.getKind())) {
            return null;
        }
        O owner = owners.get(namespace, ref.getName());
        return owner != null && owner.getMetadata().getUid().equals(ref.getUid()) ? owner : null;
    }

    /** The owner controlling {@code dependent}, or null. */
    public O controllerOf(HasMetadata dependent) {
        return OwnerRefs.controllerOf(dependent).map(ref -> resolve(dependent.getMetadata().getNamespace(), ref))
                .orElse(null);
    }

    /**
     * The owners in {@code dependent}'s namespace whose selector matches its labels. An empty
     * selector matches nothing here: it must not make an owner claim every object.
     */
    public List<O> selecting(HasMetadata dependent) {
        return owners.list(dependent.getMetadata().getNamespace()).stream()
                .filter(o -> !Selectors.isEmpty(selector.apply(o))
                        && Selectors.matches(selector.apply(o), dependent.getMetadata().getLabels()))
                .toList();
    }
}
