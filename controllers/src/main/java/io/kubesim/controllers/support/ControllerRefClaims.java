package io.kubesim.controllers.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.controllers.runtime.Keys;

/**
 * Decides which objects an owner controls, as Kubernetes' {@code ControllerRefManager} does:
 * objects it already controls and still selects are kept; objects it controls but no longer
 * selects are released (its owner reference removed); orphans it selects are adopted (a
 * controller reference added) — unless the owner is being deleted, which is re-checked with a
 * fresh read before the first adoption. Objects controlled by someone else are left alone.
 * Not thread-safe: one instance per reconcile.
 *
 * @param <T> the owned kind (pods, ReplicaSets)
 */
public final class ControllerRefClaims<T extends HasMetadata> {

    private final HasMetadata owner;
    private final String kind;
    private final OwnerReference ref;
    private final Predicate<T> selects;
    private final UnaryOperator<T> update;
    private final Supplier<? extends HasMetadata> freshOwner;
    private boolean adoptionChecked;

    /**
     * @param selects    whether the owner's selector (and any further rule) selects an object
     * @param update     stores an object whose owner references changed, at its resourceVersion, and
     *                   returns the stored object (throws the client's exceptions)
     * @param freshOwner reads the owner from the API server (not a cache); null if it is gone
     */
    public ControllerRefClaims(HasMetadata owner, String apiVersion, String kind, Predicate<T> selects,
                               UnaryOperator<T> update, Supplier<? extends HasMetadata> freshOwner) {
        this.owner = owner;
        this.kind = kind;
        this.ref = OwnerRefs.controllerRef(owner, apiVersion, kind);
        this.selects = selects;
        this.update = update;
        this.freshOwner = freshOwner;
    }

    /**
     * The objects of {@code candidates} the owner controls after claiming. Failures to adopt or
     * release are collected: the successful claims are still returned, then the first failure is
     * thrown by {@link #throwIfFailed}.
     */
    public List<T> claim(List<T> candidates, List<Exception> failures) {
        List<T> claimed = new ArrayList<>();
        String uid = owner.getMetadata().getUid();
        boolean ownerDeleting = owner.getMetadata().getDeletionTimestamp() != null;
        for (T object : candidates) {
            OwnerReference controller = OwnerRefs.controllerOf(object).orElse(null);
            try {
                if (controller != null) {
                    if (!controller.getUid().equals(uid)) {
                        continue;
                    }
                    if (selects.test(object)) {
                        claimed.add(object);
                    } else if (!ownerDeleting) {
                        release(object, uid);
                    }
                    continue;
                }
                if (ownerDeleting || !selects.test(object) || object.getMetadata().getDeletionTimestamp() != null
                        || !owner.getMetadata().getNamespace().equals(object.getMetadata().getNamespace())) {
                    continue;
                }
                if (!adoptionChecked) {
                    checkAdoptable();
                    adoptionChecked = true;
                }
                claimed.add(adopt(object));
            } catch (KubernetesClientException e) {
                if (!ApiErrors.isNotFound(e)) {
                    failures.add(e);
                }
            } catch (Exception e) {
                failures.add(e);
            }
        }
        return claimed;
    }

    private T adopt(T object) {
        T copy = DeepCopy.of(object);
        copy.getMetadata().setOwnerReferences(OwnerRefs.adding(copy.getMetadata().getOwnerReferences(), ref));
        return update.apply(copy);
    }

    private void release(T object, String ownerUid) {
        T copy = DeepCopy.of(object);
        copy.getMetadata().setOwnerReferences(OwnerRefs.removing(copy.getMetadata().getOwnerReferences(), ownerUid));
        update.apply(copy);
    }

    /** Fails if the owner is gone, replaced by a namesake or being deleted (upstream's RecheckDeletionTimestamp). */
    private void checkAdoptable() {
        HasMetadata fresh = freshOwner.get();
        if (fresh == null || !fresh.getMetadata().getUid().equals(owner.getMetadata().getUid())) {
            throw new IllegalStateException("original " + kind + " " + Keys.of(owner) + " is gone");
        }
        if (fresh.getMetadata().getDeletionTimestamp() != null) {
            throw new IllegalStateException(kind + " " + Keys.of(owner) + " has just been deleted at "
                    + fresh.getMetadata().getDeletionTimestamp());
        }
    }

    /** Throws the first of {@code failures}, if any. */
    public static void throwIfFailed(List<Exception> failures) throws Exception {
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
