package io.kubesim.controllers.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/**
 * Owner references as controllers read and write them; the controller reference is the one with
 * {@code controller: true} ({@code metav1.GetControllerOf}). Stateless.
 */
public final class OwnerRefs {

    private OwnerRefs() {
    }

    /** Every owner reference of {@code object} (empty, never null). */
    public static List<OwnerReference> of(HasMetadata object) {
        List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
        return refs == null ? List.of() : refs;
    }

    /** The reference with {@code controller: true}, if any. */
    public static Optional<OwnerReference> controllerOf(HasMetadata object) {
        return of(object).stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
    }

    /** True if {@code object}'s controller is the object with {@code ownerUid}. */
    public static boolean isControlledBy(HasMetadata object, String ownerUid) {
        return controllerOf(object).map(r -> ownerUid.equals(r.getUid())).orElse(false);
    }

    /** A controller reference to {@code owner}, blocking its foreground deletion (upstream's NewControllerRef). */
    public static OwnerReference controllerRef(HasMetadata owner, String apiVersion, String kind) {
        return new OwnerReferenceBuilder()
                .withApiVersion(apiVersion)
                .withKind(kind)
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    /** {@code refs} plus {@code ref} (a copy; null counts as empty). */
    public static List<OwnerReference> adding(List<OwnerReference> refs, OwnerReference ref) {
        List<OwnerReference> out = refs == null ? new ArrayList<>() : new ArrayList<>(refs);
        out.add(ref);
        return out;
    }

    /** {@code refs} without references to {@code uid} (a copy; null counts as empty). */
    public static List<OwnerReference> removing(List<OwnerReference> refs, String uid) {
        List<OwnerReference> out = new ArrayList<>();
        if (refs != null) {
            for (OwnerReference r : refs) {
                if (!uid.equals(r.getUid())) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
