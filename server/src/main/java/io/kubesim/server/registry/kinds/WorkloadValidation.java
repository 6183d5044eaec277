package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.List;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.validation.FieldPath;
import io.kubesim.server.validation.GoRepr;
import io.kubesim.server.validation.LabelSelectors;
import io.kubesim.server.validation.LabelValidation;
import io.kubesim.server.validation.NameValidation;
import io.kubesim.server.validation.ObjectMetaValidation;
import io.kubesim.server.validation.PodSpecValidation;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;

/**
 * The checks apps/v1 workloads share: selector presence and syntax, the template's labels matching
 * the selector, the template's pod spec (restart policy Always, no active deadline), int-or-percent
 * rollout parameters, and the immutable selector. Stateless and thread-safe.
 */
final class WorkloadValidation {

    static final FieldPath SPEC = new FieldPath("spec");

    private WorkloadValidation() {
    }

    /**
     * Selector required and valid ("empty selector is invalid for {@code what}"), then the
     * template checked against it as upstream's ReplicaSet/Deployment validation does.
     */
    static List<FieldError> selectorAndTemplate(JsonNode spec, String what, String templateWord) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode selector = Trees.object(spec, "selector");
        FieldPath selPath = SPEC.child("selector");
        if (selector == null) {
            errs.add(FieldError.required(selPath.value(), ""));
        } else {
            errs.addAll(LabelValidation.validateLabelSelector(selector, selPath));
            if (LabelSelectors.isEmpty(selector)) {
                errs.add(FieldError.invalid(selPath.value(), GoRepr.labelSelector(selector), "empty selector is invalid for " + what));
            }
        }
        if (!LabelSelectors.isConvertible(selector)) {
            errs.add(FieldError.invalid(selPath.value(), GoRepr.labelSelector(selector), "invalid label selector"));
            return errs;
        }
        JsonNode template = Trees.object(spec, "template");
        FieldPath tPath = SPEC.child("template");
        errs.addAll(LabelSelectors.validateTemplateLabels(selector, template, tPath));
        errs.addAll(PodSpecValidation.validateTemplate(template, tPath));
        errs.addAll(restartAlwaysNoDeadline(template, tPath, templateWord));
        return errs;
    }

    /** Workload pods restart Always and have no active deadline ("activeDeadlineSeconds in {@code word} is not Supported"). */
    static List<FieldError> restartAlwaysNoDeadline(JsonNode template, FieldPath tPath, String word) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode podSpec = Trees.object(template, "spec");
        String restart = Trees.textOrEmpty(podSpec, "restartPolicy");
        if (!restart.equals("Always")) {
            errs.add(FieldError.notSupported(tPath.child("spec", "restartPolicy").value(), restart, List.of("Always")));
        }
        if (Trees.isSet(podSpec, "activeDeadlineSeconds")) {
            errs.add(FieldError.forbidden(tPath.child("spec", "activeDeadlineSeconds").value(),
                    "activeDeadlineSeconds in " + word + " is not Supported"));
        }
        return errs;
    }

    /** Upstream's ValidatePositiveIntOrPercent: a non-negative integer or a "N%" string. */
    static List<FieldError> intOrPercent(JsonNode value, FieldPath path) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isString()) {
            return NameValidation.percent(value.asString()).stream()
                    .map(m -> FieldError.invalid(path.value(), GoRepr.intOrString(value), m)).toList();
        }
        if (value.isIntegralNumber()) {
            return value.asLong() < 0
                    ? List.of(FieldError.invalid(path.value(), value.asLong(), ObjectMetaValidation.IS_NEGATIVE))
                    : List.of();
        }
        return List.of(FieldError.invalid(path.value(), GoRepr.intOrString(value), "must be an integer or percentage (e.g '5%')"));
    }

    /** "must not be greater than 100%" for a percentage above 100. */
    static List<FieldError> notMoreThan100Percent(JsonNode value, FieldPath path) {
        Integer percent = percentValue(value);
        return percent != null && percent > 100
                ? List.of(FieldError.invalid(path.value(), GoRepr.intOrString(value), "must not be greater than 100%"))
                : List.of();
    }

    /** The number of an int-or-percent (the percentage for "N%"), 0 when absent or malformed. */
    static long intOrPercentValue(JsonNode value) {
        Integer percent = percentValue(value);
        if (percent != null) {
            return percent;
        }
        return value != null && value.isIntegralNumber() ? value.asLong() : 0;
    }

    private static Integer percentValue(JsonNode value) {
        if (value == null || !value.isString() || !NameValidation.percent(value.asString()).isEmpty()) {
            return null;
        }
        String s = value.asString();
        try {
            return Integer.parseInt(s.substring(0, s.length() - 1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** {@code spec.selector: Invalid value: v1.LabelSelector{...}: field is immutable} on any change. */
    static List<FieldError> immutableSelector(JsonNode spec, JsonNode oldSpec) {
        JsonNode now = Trees.object(spec, "selector");
        JsonNode before = Trees.object(oldSpec, "selector");
        return Trees.same(now, before) ? List.of()
                : List.of(FieldError.invalid(SPEC.child("selector").value(), GoRepr.labelSelector(now),
                        ObjectMetaValidation.FIELD_IMMUTABLE));
    }
}
