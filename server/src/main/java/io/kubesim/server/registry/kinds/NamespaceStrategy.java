package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.List;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.registry.ResourceStrategy;
import io.kubesim.server.validation.FieldPath;
import io.kubesim.server.validation.NameRule;
import io.kubesim.server.validation.NameValidation;
import io.kubesim.server.validation.ObjectMetaValidation;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Namespaces ({@code v1}, cluster-scoped): DNS-1123 label names, the enforced
 * {@code kubernetes.io/metadata.name} label, the {@code kubernetes} finalizer in
 * {@code spec.finalizers} and phase {@code Active} on create. A main-resource update cannot change
 * {@code spec.finalizers}; only {@code namespaces/finalize} can ({@link #validateFinalize}).
 *
 * <p>Deleting a namespace whose {@code spec.finalizers} is not empty must only mark it
 * ({@code deletionTimestamp}, phase {@code Terminating}); that is the store's job. Stateless and
 * thread-safe.
 */
public final class NamespaceStrategy implements ResourceStrategy, NameRule.Provider {

    public static final String NAME_LABEL = "kubernetes.io/metadata.name";
    public static final String KUBERNETES_FINALIZER = "kubernetes";

    @Override
    public NameRule nameRule() {
        return NameRule.DNS1123_LABEL;
    }

    @Override
    public void applyDefaults(ObjectNode ns) {
        String name = Trees.textOrEmpty(ns.get("metadata"), "name");
        if (!name.isEmpty()) {
            Trees.child(Trees.child(ns, "metadata"), "labels").put(NAME_LABEL, name);
        }
    }

    @Override
    public void prepareForCreate(ObjectNode ns) {
        ObjectNode spec = Trees.child(ns, "spec");
        if (!Trees.strings(spec, "finalizers").contains(KUBERNETES_FINALIZER)) {
            ArrayNode finalizers = Trees.array(spec, "finalizers");
            (finalizers == null ? spec.putArray("finalizers") : finalizers).add(KUBERNETES_FINALIZER);
        }
        ns.putObject("status").put("phase", "Active");
    }

    @Override
    public void prepareForUpdate(ObjectNode ns, ObjectNode old) {
        JsonNode before = Trees.object(old, "spec") == null ? null : old.get("spec").get("finalizers");
        ObjectNode spec = Trees.child(ns, "spec");
        if (before == null) {
            spec.remove("finalizers");
        } else {
            spec.set("finalizers", before.deepCopy());
        }
    }

    /** A namespace with finalizers in its spec stays, Terminating, until the finalize subresource empties them. */
    @Override
    public boolean prepareForDelete(ObjectNode ns) {
        if (Trees.strings(ns.get("spec"), "finalizers").isEmpty()) {
            return false;
        }
        Trees.child(ns, "status").put("phase", "Terminating");
        return true;
    }

    @Override
    public List<FieldError> validate(ObjectNode ns) {
        List<FieldError> errs = new ArrayList<>();
        FieldPath path = FieldPath.of("spec", "finalizers");
        for (String f : Trees.strings(ns.get("spec"), "finalizers")) {
            errs.addAll(validateFinalizerName(f, path));
        }
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode ns, ObjectNode old) {
        return List.of();
    }

    /** Phase must be Active without a deletion timestamp and Terminating with one. */
    @Override
    public List<FieldError> validateStatusUpdate(ObjectNode ns, ObjectNode old) {
        String phase = Trees.textOrEmpty(ns.get("status"), "phase");
        boolean deleting = Trees.isSet(ns.get("metadata"), "deletionTimestamp");
        if (!deleting && !phase.equals("Active")) {
            return List.of(FieldError.invalid("status.Phase", phase, "may only be 'Active' if `deletionTimestamp` is empty"));
        }
        if (deleting && !phase.equals("Terminating")) {
            return List.of(FieldError.invalid("status.Phase", phase,
                    "may only be 'Terminating' if `deletionTimestamp` is not empty"));
        }
        return List.of();
    }

    /** Errors of a {@code namespaces/finalize} write: each new {@code spec.finalizers} entry must be a valid name. */
    public static List<FieldError> validateFinalize(ObjectNode ns) {
        List<FieldError> errs = new ArrayList<>();
        List<String> finalizers = Trees.strings(ns.get("spec"), "finalizers");
        for (int i = 0; i < finalizers.size(); i++) {
            errs.addAll(validateFinalizerName(finalizers.get(i), FieldPath.of("spec", "finalizers").index(i)));
        }
        return errs;
    }

    private static List<FieldError> validateFinalizerName(String name, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        NameValidation.qualifiedName(name).forEach(m -> errs.add(FieldError.invalid(path.value(), name, m)));
        errs.addAll(ObjectMetaValidation.validateKubeFinalizerName(name, path));
        return errs;
    }
}
