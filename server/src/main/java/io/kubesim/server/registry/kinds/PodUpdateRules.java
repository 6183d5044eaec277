package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.json.Json;
import io.kubesim.server.validation.FieldPath;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which changes an update may make to a pod's spec (upstream's ValidatePodUpdate): container
 * images, a shorter {@code activeDeadlineSeconds}, added tolerations, removed scheduling gates,
 * and {@code terminationGracePeriodSeconds} from negative to 1. Anything else, such as setting or
 * changing {@code spec.nodeName}, is refused with upstream's {@code pod updates may not change
 * fields other than ...} message, followed by a short list of the differing fields (upstream
 * prints a Go diff there). Stateless and thread-safe.
 */
final class PodUpdateRules {

    static final String UPDATABLE_FIELDS = "`spec.containers[*].image`,`spec.initContainers[*].image`,"
            + "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),"
            + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";
    private static final FieldPath SPEC = new FieldPath("spec");
    private static final long MAX_INT32 = Integer.MAX_VALUE;

    private PodUpdateRules() {
    }

    static List<FieldError> validate(ObjectNode pod, ObjectNode old) {
        ObjectNode spec = Trees.object(pod, "spec");
        ObjectNode oldSpec = Trees.object(old, "spec");
        List<FieldError> errs = new ArrayList<>();
        for (String list : List.of("containers", "initContainers")) {
            if (Trees.elements(spec, list).size() != Trees.elements(oldSpec, list).size()) {
                errs.add(FieldError.forbidden(SPEC.child(list).value(), "pod updates may not add or remove containers"));
                return errs;
            }
        }
        Long deadline = Trees.integer(spec, "activeDeadlineSeconds");
        Long oldDeadline = Trees.integer(oldSpec, "activeDeadlineSeconds");
        FieldPath deadlinePath = SPEC.child("activeDeadlineSeconds");
        if (deadline != null) {
            if (deadline < 0 || deadline > MAX_INT32) {
                errs.add(FieldError.invalid(deadlinePath.value(), deadline, "must be between 0 and 2147483647, inclusive"));
                return errs;
            }
            if (oldDeadline != null && oldDeadline < deadline) {
                errs.add(FieldError.invalid(deadlinePath.value(), deadline, "must be less than or equal to previous value"));
                return errs;
            }
        } else if (oldDeadline != null) {
            errs.add(FieldError.invalid(deadlinePath.value(), "null", "must not update from a positive integer to nil value"));
        }
        errs.addAll(onlyAddedTolerations(spec, oldSpec));
        errs.addAll(onlyDeletedSchedulingGates(spec, oldSpec));
        if (Trees.same(spec, oldSpec)) {
            return errs;
        }
        String oldQos = Trees.textOrEmpty(Trees.object(old, "status"), "qosClass");
        if (!(oldQos.isEmpty() ? QosClass.of(oldSpec) : oldQos).equals(QosClass.of(spec))) {
            errs.add(FieldError.invalid("metadata", Trees.textOrEmpty(Trees.object(pod, "status"), "qosClass"),
                    "Pod QoS is immutable"));
        }
        ObjectNode munged = munge(spec, oldSpec);
        if (!Trees.same(munged, oldSpec)) {
            errs.add(FieldError.forbidden(SPEC.value(), "pod updates may not change fields other than "
                    + UPDATABLE_FIELDS + "\n" + describeDifferences(oldSpec, munged)));
        }
        return errs;
    }

    /** The new spec with every field an update may change set back to its old value. */
    private static ObjectNode munge(ObjectNode spec, ObjectNode oldSpec) {
        ObjectNode munged = spec.deepCopy();
        for (String list : List.of("containers", "initContainers")) {
            List<ObjectNode> now = Trees.objects(munged, list);
            List<ObjectNode> before = Trees.objects(oldSpec, list);
            for (int i = 0; i < now.size() && i < before.size(); i++) {
                copyField(now.get(i), before.get(i), "image");
            }
        }
        copyField(munged, oldSpec, "activeDeadlineSeconds");
        copyField(munged, oldSpec, "schedulingGates");
        copyField(munged, oldSpec, "tolerations");
        Long oldGrace = Trees.integer(oldSpec, "terminationGracePeriodSeconds");
        if (oldGrace != null && oldGrace < 0 && Trees.integer(munged, "terminationGracePeriodSeconds", 0) == 1) {
            copyField(munged, oldSpec, "terminationGracePeriodSeconds");
        }
        if (!Trees.elements(oldSpec, "schedulingGates").isEmpty()) {
            // Gated pods may still get node constraints before they are scheduled.
            copyField(munged, oldSpec, "nodeSelector");
            copyField(munged, oldSpec, "affinity");
        }
        return munged;
    }

    private static void copyField(ObjectNode target, JsonNode source, String field) {
        JsonNode v = source == null ? null : source.get(field);
        if (v == null) {
            target.remove(field);
        } else {
            target.set(field, v.deepCopy());
        }
    }

    private static List<FieldError> onlyAddedTolerations(JsonNode spec, JsonNode oldSpec) {
        List<ObjectNode> now = Trees.objects(spec, "tolerations");
        for (ObjectNode before : Trees.objects(oldSpec, "tolerations")) {
            boolean found = now.stream().anyMatch(t -> {
                ObjectNode a = before.deepCopy();
                ObjectNode b = t.deepCopy();
                a.remove("tolerationSeconds");
                b.remove("tolerationSeconds");
                return Trees.same(a, b);
            });
            if (!found) {
                return List.of(FieldError.forbidden(SPEC.child("tolerations").value(),
                        "existing toleration can not be modified except its tolerationSeconds"));
            }
        }
        return List.of();
    }

    private static List<FieldError> onlyDeletedSchedulingGates(JsonNode spec, JsonNode oldSpec) {
        List<FieldError> errs = new ArrayList<>();
        List<String> before = Trees.objects(oldSpec, "schedulingGates").stream().map(g -> Trees.textOrEmpty(g, "name")).toList();
        List<ObjectNode> now = Trees.objects(spec, "schedulingGates");
        for (int i = 0; i < now.size(); i++) {
            String name = Trees.textOrEmpty(now.get(i), "name");
            if (!before.contains(name)) {
                errs.add(FieldError.forbidden(SPEC.child("schedulingGates").index(i).child("name").value(),
                        "only deletion is allowed, but found new scheduling gate '" + name + "'"));
            }
        }
        return errs;
    }

    /** Our own rendering of what differs: one "- old" / "+ new" pair per top-level spec field. */
    private static String describeDifferences(ObjectNode before, ObjectNode after) {
        TreeSet<String> fields = new TreeSet<>(before.propertyNames());
        fields.addAll(after.propertyNames());
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            JsonNode a = before.get(f);
            JsonNode b = after.get(f);
            if (!Trees.same(a, b)) {
                sb.append("  spec.").append(f).append(":\n");
                sb.append("-   ").append(a == null ? "<unset>" : render(a)).append('\n');
                sb.append("+   ").append(b == null ? "<unset>" : render(b)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String render(JsonNode v) {
        String s = Json.string(v);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
