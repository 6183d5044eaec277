package io.kubesim.server.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kubesim.server.api.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * Validation of label maps, annotation maps and {@code metav1.LabelSelector}s with upstream's
 * field paths and messages. Note upstream's quirk, kept here: errors in a label map point at the
 * map itself ({@code metadata.labels}), not at the offending key. Stateless and thread-safe.
 */
public final class LabelValidation {

    /** Upstream's limit on the summed size of all annotation keys and values. */
    public static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

    private LabelValidation() {
    }

    /** Checks every key (qualified name) and value of a label map; {@code labels} may be null. */
    public static List<FieldError> validateLabels(Map<String, String> labels, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (labels == null) {
            return errs;
        }
        labels.forEach((k, v) -> {
            errs.addAll(validateLabelName(k, path));
            for (String msg : NameValidation.labelValue(v)) {
                errs.add(FieldError.invalid(path.value(), v, msg));
            }
        });
        return errs;
    }

    public static List<FieldError> validateLabelName(String name, FieldPath path) {
        return NameValidation.qualifiedName(name).stream()
                .map(msg -> FieldError.invalid(path.value(), name, msg)).toList();
    }

    /** Annotation keys are qualified names ignoring case; all keys and values together are at most 256 KiB. */
    public static List<FieldError> validateAnnotations(Map<String, String> annotations, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (annotations == null) {
            return errs;
        }
        long total = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            for (String msg : NameValidation.qualifiedName(e.getKey().toLowerCase(Locale.ROOT))) {
                errs.add(FieldError.invalid(path.value(), e.getKey(), msg));
            }
            total += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
            errs.add(FieldError.tooLong(path.value(), "", TOTAL_ANNOTATION_SIZE_LIMIT));
        }
        return errs;
    }

    /** Checks a LabelSelector's match labels and expressions; a null selector has no errors. */
    public static List<FieldError> validateLabelSelector(JsonNode selector, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (selector == null || !selector.isObject()) {
            return errs;
        }
        errs.addAll(validateLabels(Trees.stringMap(selector, "matchLabels"), path.child("matchLabels")));
        List<JsonNode> exprs = Trees.elements(selector, "matchExpressions");
        for (int i = 0; i < exprs.size(); i++) {
            errs.addAll(validateRequirement(exprs.get(i), path.child("matchExpressions").index(i)));
        }
        return errs;
    }

    private static List<FieldError> validateRequirement(JsonNode req, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String op = Trees.textOrEmpty(req, "operator");
        List<String> values = Trees.strings(req, "values");
        switch (op) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    errs.add(FieldError.required(path.child("values").value(),
                            "must be specified when `operator` is 'In' or 'NotIn'"));
                }
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    errs.add(FieldError.forbidden(path.child("values").value(),
                            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                }
            }
            default -> errs.add(FieldError.invalid(path.child("operator").value(), op, "not a valid selector operator"));
        }
        errs.addAll(validateLabelName(Trees.textOrEmpty(req, "key"), path.child("key")));
        for (int i = 0; i < values.size(); i++) {
            for (String msg : NameValidation.labelValue(values.get(i))) {
                errs.add(FieldError.invalid(path.child("values").index(i).value(), values.get(i), msg));
            }
        }
        return errs;
    }
}
