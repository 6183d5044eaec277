package io.kubesim.server.validation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.kubesim.server.api.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code metadata} checks every kind shares, as kube-apiserver runs them before a kind's own
 * validation: name (or generateName) syntax per the kind's {@link NameRule}, namespace presence,
 * labels, annotations, owner references and finalizers, and on update the immutable fields.
 * The generic store calls {@link #validate} on create and {@link #validateUpdate} on update (which
 * re-checks labels and the other mutable fields too), then appends the strategy's errors.
 *
 * <p>Stateless and thread-safe.
 */
public final class ObjectMetaValidation {

    public static final String FIELD_IMMUTABLE = "field is immutable";
    public static final String IS_NEGATIVE = "must be greater than or equal to 0";

    private static final FieldPath META = new FieldPath("metadata");
    private static final Set<String> STANDARD_FINALIZERS = Set.of("kubernetes", "orphan", "foregroundDeletion");
    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private ObjectMetaValidation() {
    }

    /**
     * Errors in the metadata of a new object. Name generation must already have happened: a
     * missing name is an error even with {@code generateName}, whose prefix is checked as well.
     */
    public static List<FieldError> validate(ObjectNode obj, boolean namespaced, NameRule nameRule) {
        JsonNode meta = obj.get("metadata");
        List<FieldError> errs = new ArrayList<>();
        String generateName = Trees.textOrEmpty(meta, "generateName");
        if (!generateName.isEmpty()) {
            for (String msg : nameRule.check(generateName, true)) {
                errs.add(FieldError.invalid(META.child("generateName").value(), generateName, msg));
            }
        }
        String name = Trees.textOrEmpty(meta, "name");
        if (name.isEmpty()) {
            errs.add(FieldError.required(META.child("name").value(), "name or generateName is required"));
        } else {
            for (String msg : nameRule.check(name, false)) {
                errs.add(FieldError.invalid(META.child("name").value(), name, msg));
            }
        }
        String namespace = Trees.textOrEmpty(meta, "namespace");
        if (namespaced) {
            if (namespace.isEmpty()) {
                errs.add(FieldError.required(META.child("namespace").value(), ""));
            } else {
                for (String msg : NameRule.DNS1123_LABEL.check(namespace, false)) {
                    errs.add(FieldError.invalid(META.child("namespace").value(), namespace, msg));
                }
            }
        } else if (!namespace.isEmpty()) {
            errs.add(FieldError.forbidden(META.child("namespace").value(), "not allowed on this type"));
        }
        Long generation = Trees.integer(meta, "generation");
        if (generation != null && generation < 0) {
            errs.add(FieldError.invalid(META.child("generation").value(), generation, IS_NEGATIVE));
        }
        errs.addAll(validateMutable(meta));
        return errs;
    }

    /** Errors in the metadata of an update of {@code old} to {@code obj}. */
    public static List<FieldError> validateUpdate(ObjectNode obj, ObjectNode old) {
        JsonNode meta = obj.get("metadata");
        JsonNode oldMeta = old.get("metadata");
        List<FieldError> errs = new ArrayList<>();
        if (Trees.isSet(oldMeta, "deletionTimestamp")) {
            Set<String> added = new TreeSet<>(Trees.strings(meta, "finalizers"));
            added.removeAll(Trees.strings(oldMeta, "finalizers"));
            if (!added.isEmpty()) {
                errs.add(FieldError.forbidden(META.child("finalizers").value(),
                        "no new finalizers can be added if the object is being deleted, found new finalizers "
                                + GoRepr.stringSlice(List.copyOf(added))));
            }
        }
        for (String f : List.of("name", "namespace", "uid")) {
            String now = Trees.textOrEmpty(meta, f);
            if (!now.equals(Trees.textOrEmpty(oldMeta, f))) {
                errs.add(FieldError.invalid(META.child(f).value(), now, FIELD_IMMUTABLE));
            }
        }
        String created = Trees.textOrEmpty(meta, "creationTimestamp");
        if (!sameInstant(created, Trees.textOrEmpty(oldMeta, "creationTimestamp"))) {
            errs.add(FieldError.invalid(META.child("creationTimestamp").value(), goTime(created), FIELD_IMMUTABLE));
        }
        errs.addAll(validateMutable(meta));
        return errs;
    }

    /** Finalizer names: qualified names, and without a prefix only the standard ones. */
    public static List<FieldError> validateFinalizers(List<String> finalizers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (String f : finalizers) {
            for (String msg : NameValidation.qualifiedName(f)) {
                errs.add(FieldError.invalid(path.value(), f, msg));
            }
        }
        if (finalizers.contains("orphan") && finalizers.contains("foregroundDeletion")) {
            errs.add(FieldError.invalid(path.value(), GoRepr.stringSlice(finalizers),
                    "finalizer orphan and foregroundDeletion cannot be both set"));
        }
        for (int i = 0; i < finalizers.size(); i++) {
            errs.addAll(validateKubeFinalizerName(finalizers.get(i), path.index(i)));
        }
        return errs;
    }

    /** A finalizer without a '/' must be one of Kubernetes' own. */
    public static List<FieldError> validateKubeFinalizerName(String name, FieldPath path) {
        if (name.indexOf('/') < 0 && !STANDARD_FINALIZERS.contains(name)) {
            return List.of(FieldError.invalid(path.value(), name,
                    "name is neither a standard finalizer name nor is it fully qualified"));
        }
        return List.of();
    }

    private static List<FieldError> validateMutable(JsonNode meta) {
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(LabelValidation.validateLabels(Trees.stringMap(meta, "labels"), META.child("labels")));
        errs.addAll(LabelValidation.validateAnnotations(Trees.stringMap(meta, "annotations"), META.child("annotations")));
        errs.addAll(validateOwnerReferences(Trees.objects(meta, "ownerReferences"), META.child("ownerReferences")));
        errs.addAll(validateFinalizers(Trees.strings(meta, "finalizers"), META.child("finalizers")));
        return errs;
    }

    private static List<FieldError> validateOwnerReferences(List<ObjectNode> refs, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String firstController = null;
        for (ObjectNode ref : refs) {
            String apiVersion = Trees.textOrEmpty(ref, "apiVersion");
            String kind = Trees.textOrEmpty(ref, "kind");
            if (version(apiVersion).isEmpty()) {
                errs.add(FieldError.invalid(path.child("apiVersion").value(), apiVersion, "version must not be empty"));
            }
            if (kind.isEmpty()) {
                errs.add(FieldError.invalid(path.child("kind").value(), kind, "must not be empty"));
            }
            for (String f : List.of("name", "uid")) {
                String v = Trees.textOrEmpty(ref, f);
                if (v.isEmpty()) {
                    errs.add(FieldError.invalid(path.child(f).value(), v, "must not be empty"));
                }
            }
            if ("v1".equals(apiVersion) && "Event".equals(kind)) {
                errs.add(FieldError.invalid(path.value(), ownerRepr(ref), "/v1, Kind=Event is disallowed from being an owner"));
            }
            if (Trees.isTrue(ref, "controller")) {
                String current = kind + "/" + Trees.textOrEmpty(ref, "name");
                if (firstController != null) {
                    errs.add(FieldError.invalid(path.value(), ownersRepr(refs), "Only one reference can have Controller "
                            + "set to true. Found \"true\" in references for " + firstController + " and " + current));
                } else {
                    firstController = current;
                }
            }
        }
        return errs;
    }

    /** The version part of an apiVersion as upstream parses it; empty when it cannot be parsed. */
    private static String version(String apiVersion) {
        String[] parts = apiVersion.split("/", -1);
        return switch (parts.length) {
            case 1 -> parts[0];
            case 2 -> parts[1];
            default -> "";
        };
    }

    private static GoRepr ownerRepr(JsonNode ref) {
        return new GoRepr("v1.OwnerReference{APIVersion:" + GoRepr.quote(Trees.text(ref, "apiVersion"))
                + ", Kind:" + GoRepr.quote(Trees.text(ref, "kind")) + ", Name:" + GoRepr.quote(Trees.text(ref, "name"))
                + ", UID:" + GoRepr.quote(Trees.text(ref, "uid")) + ", Controller:" + boolPointer(ref, "controller")
                + ", BlockOwnerDeletion:" + boolPointer(ref, "blockOwnerDeletion") + "}");
    }

    private static GoRepr ownersRepr(List<ObjectNode> refs) {
        Set<String> items = new LinkedHashSet<>();
        refs.forEach(r -> items.add(ownerRepr(r).text()));
        return new GoRepr("[]v1.OwnerReference{" + String.join(", ", items) + "}");
    }

    private static String boolPointer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isBoolean() ? "(*bool)(nil)" : "&" + v.asBoolean();
    }

    private static boolean sameInstant(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Instant ia = instant(a);
        return ia != null && ia.equals(instant(b));
    }

    private static Instant instant(String rfc3339) {
        try {
            return rfc3339.isEmpty() ? null : java.time.OffsetDateTime.parse(rfc3339).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A timestamp as Go's {@code time.Time.String()} prints a UTC time, e.g. {@code 2024-05-01 10:00:00 +0000 UTC}. */
    static GoRepr goTime(String rfc3339) {
        Instant i = instant(rfc3339);
        return new GoRepr(GO_TIME.format(i == null ? Instant.parse("0001-01-01T00:00:00Z") : i) + " +0000 UTC");
    }
}
