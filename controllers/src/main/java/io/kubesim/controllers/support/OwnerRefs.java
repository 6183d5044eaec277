package io.kubesim.controllers.support;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** Controller owner references ({@code controller: true}) as {@code metav1.GetControllerOf} reads them. Stateless. */
public final class OwnerRefs {

    private OwnerRefs() {
    }

    /** The controller reference of {@code object}, or null. */
    public static OwnerReference controllerOf(HasMetadata object) {
        List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
        if (refs == null) {
            return null;
        }
        for (OwnerReference ref : refs) {
            if (Boolean.TRUE.equals(ref.getController())) {
                return ref;
            }
        }
        return null;
    }

    /** True if {@code object}'s controller is the object with {@code ownerUid}. */
    public static boolean isControlledBy(HasMetadata object, String ownerUid) {
        OwnerReference ref = controllerOf(object);
        return ref != null && ref.getUid().equals(ownerUid);
    }

    /** A controller reference to {@code owner} that blocks the owner's foreground deletion, as controllers set it. */
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

    /** {@code refs} without references to {@code uid} (a copy). */
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
