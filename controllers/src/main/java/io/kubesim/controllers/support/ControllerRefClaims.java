package io.kubesim.controllers.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClientException;

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

    /** Writes ownership changes to the API server. */
    public interface Writer<T> {
        /** Stores {@code object} with {@code ref} added to its owner references; returns the stored object. */
        T adopt(T object, OwnerReference ref) throws Exception;

        /** Stores {@code object} without its owner references to {@code ownerUid}; returns the stored object. */
        T release(T object, String ownerUid) throws Exception;
    }

    /** Reads the owner fresh from the API server and fails if it is gone, replaced or being deleted. */
    @FunctionalInterface
    public interface AdoptionCheck {
        void check() throws Exception;
    }

    private final HasMetadata owner;
    private final OwnerReference ref;
    private final Predicate<T> selects;
    private final Writer<T> writer;
    private final AdoptionCheck adoptionCheck;
    private boolean adoptionChecked;

    public ControllerRefClaims(HasMetadata owner, String apiVersion, String kind, Predicate<T> selects,
                               Writer<T> writer, AdoptionCheck adoptionCheck) {
        this.owner = owner;
        this.ref = OwnerRefs.controllerRef(owner, apiVersion, kind);
        this.selects = selects;
        this.writer = writer;
        this.adoptionCheck = adoptionCheck;
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
            OwnerReference controller = OwnerRefs.controllerOf(object);
            try {
                if (controller != null) {
                    if (!controller.getUid().equals(uid)) {
                        continue;
                    }
                    if (selects.test(object)) {
                        claimed.add(object);
                    } else if (!ownerDeleting) {
                        writer.release(object, uid);
                    }
                    continue;
                }
                if (ownerDeleting || !selects.test(object) || object.getMetadata().getDeletionTimestamp() != null
                        || !owner.getMetadata().getNamespace().equals(object.getMetadata().getNamespace())) {
                    continue;
                }
                if (!adoptionChecked) {
                    adoptionCheck.check();
                    adoptionChecked = true;
                }
                claimed.add(writer.adopt(object, ref));
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    failures.add(e);
                }
            } catch (Exception e) {
                failures.add(e);
            }
        }
        return claimed;
    }

    /** Throws the first of {@code failures}, if any. */
    public static void throwIfFailed(List<Exception> failures) throws Exception {
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
