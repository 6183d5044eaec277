package io.kubesim.controllers.support;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** Owner references as controllers use them. Stateless. */
public final class OwnerRefs {

    private OwnerRefs() {
    }

    public static List<OwnerReference> of(HasMetadata object) {
        List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
        return refs == null ? List.of() : refs;
    }

    /** The reference with {@code controller: true}, if any. */
    public static Optional<OwnerReference> controllerOf(HasMetadata object) {
        return of(object).stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
    }

    /** A controller reference to {@code owner}, blocking the owner's foreground deletion (as upstream's NewControllerRef). */
    public static OwnerReference controllerRef(HasMetadata owner, String apiVersion, String kind) {
        return new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind)
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true).build();
    }

    /** Whether {@code object}'s controller is the object with this kind and uid. */
    public static boolean controlledBy(HasMetadata object, String kind, String uid) {
        return controllerOf(object).map(r -> kind.equals(r.getKind()) && uid.equals(r.getUid())).orElse(false);
    }
}
