package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.List;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.registry.ResourceStrategy;
import io.kubesim.server.validation.Checks;
import io.kubesim.server.validation.FieldPath;
import io.kubesim.server.validation.GoRepr;
import io.kubesim.server.validation.LabelSelectors;
import io.kubesim.server.validation.LabelValidation;
import io.kubesim.server.validation.PodSpecValidation;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DaemonSets ({@code apps/v1}): RollingUpdate with maxUnavailable 1 and maxSurge 0 and history
 * limit 10 by default, pod template defaults, spec validation (exactly one of maxUnavailable and
 * maxSurge non-zero), the zeroed status counters on create, the template generation annotation and
 * the immutable selector. Stateless and thread-safe.
 */
public final class DaemonSetStrategy implements ResourceStrategy {

    private static final FieldPath SPEC = WorkloadValidation.SPEC;

    @Override
    public void applyDefaults(ObjectNode ds) {
        ObjectNode spec = Trees.child(ds, "spec");
        ObjectNode strategy = Trees.child(spec, "updateStrategy");
        String type = Trees.defaultText(strategy, "type", "RollingUpdate");
        if (type.equals("RollingUpdate")) {
            ObjectNode rolling = Trees.child(strategy, "rollingUpdate");
            Trees.defaultNumber(rolling, "maxUnavailable", 1);
            Trees.defaultNumber(rolling, "maxSurge", 0);
        }
        Trees.defaultNumber(spec, "revisionHistoryLimit", 10);
        PodSpecDefaults.applyTemplate(Trees.child(spec, "template"));
    }

    /** apps/v1 keeps the internal {@code spec.templateGeneration} in this annotation. */
    static final String TEMPLATE_GENERATION = "deprecated.daemonset.template.generation";

    @Override
    public void prepareForCreate(ObjectNode ds) {
        ds.putObject("status").put("currentNumberScheduled", 0).put("numberMisscheduled", 0)
                .put("desiredNumberScheduled", 0).put("numberReady", 0);
        Trees.child(Trees.child(ds, "metadata"), "annotations").put(TEMPLATE_GENERATION, "1");
    }

    /** The template generation counts template changes, as upstream's DaemonSet strategy does. */
    @Override
    public void prepareForUpdate(ObjectNode ds, ObjectNode old) {
        String previous = Trees.textOrEmpty(Trees.object(old.get("metadata"), "annotations"), TEMPLATE_GENERATION);
        long generation = previous.matches("[0-9]{1,18}") ? Long.parseLong(previous) : 1;
        boolean templateChanged = !Trees.same(ds.path("spec").get("template"), old.path("spec").get("template"));
        Trees.child(Trees.child(ds, "metadata"), "annotations").put(TEMPLATE_GENERATION,
                Long.toString(templateChanged ? generation + 1 : generation));
    }

    @Override
    public List<FieldError> validate(ObjectNode ds) {
        JsonNode spec = ds.get("spec");
        JsonNode selector = Trees.object(spec, "selector");
        List<FieldError> errs = new ArrayList<>(LabelValidation.validateLabelSelector(selector, SPEC.child("selector")));
        JsonNode template = Trees.object(spec, "template");
        if (LabelSelectors.isConvertible(selector)) {
            errs.addAll(LabelSelectors.validateTemplateLabels(selector, template, SPEC.child("template")));
        }
        if (selector != null && LabelSelectors.isEmpty(selector)) {
            errs.add(FieldError.invalid(SPEC.child("selector").value(), GoRepr.labelSelector(selector),
                    "empty selector is invalid for daemonset"));
        }
        errs.addAll(PodSpecValidation.validateTemplate(template, SPEC.child("template")));
        errs.addAll(WorkloadValidation.restartAlwaysNoDeadline(template, SPEC.child("template"), "DaemonSet"));
        errs.addAll(Checks.nonNegative(spec, "minReadySeconds", SPEC.child("minReadySeconds")));
        errs.addAll(validateUpdateStrategy(Trees.object(spec, "updateStrategy")));
        errs.addAll(Checks.nonNegative(spec, "revisionHistoryLimit", SPEC.child("revisionHistoryLimit")));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode ds, ObjectNode old) {
        List<FieldError> errs = new ArrayList<>(validate(ds));
        errs.addAll(WorkloadValidation.immutableSelector(ds.get("spec"), old.get("spec")));
        return errs;
    }

    private static List<FieldError> validateUpdateStrategy(JsonNode strategy) {
        FieldPath path = SPEC.child("updateStrategy");
        String type = Trees.textOrEmpty(strategy, "type");
        switch (type) {
            case "OnDelete" -> {
                return List.of();
            }
            case "RollingUpdate" -> {
                JsonNode rolling = Trees.object(strategy, "rollingUpdate");
                if (rolling == null) {
                    return List.of(FieldError.required(path.child("rollingUpdate").value(), ""));
                }
                FieldPath p = path.child("rollingUpdate");
                JsonNode maxUnavailable = rolling.get("maxUnavailable");
                JsonNode maxSurge = rolling.get("maxSurge");
                List<FieldError> errs = new ArrayList<>(WorkloadValidation.intOrPercent(maxUnavailable, p.child("maxUnavailable")));
                errs.addAll(WorkloadValidation.intOrPercent(maxSurge, p.child("maxSurge")));
                errs.addAll(WorkloadValidation.notMoreThan100Percent(maxUnavailable, p.child("maxUnavailable")));
                errs.addAll(WorkloadValidation.notMoreThan100Percent(maxSurge, p.child("maxSurge")));
                boolean hasUnavailable = WorkloadValidation.intOrPercentValue(maxUnavailable) != 0;
                boolean hasSurge = WorkloadValidation.intOrPercentValue(maxSurge) != 0;
                if (hasUnavailable && hasSurge) {
                    errs.add(FieldError.invalid(p.child("maxSurge").value(), GoRepr.intOrString(maxSurge),
                            "may not be set when maxUnavailable is non-zero"));
                } else if (!hasUnavailable && !hasSurge) {
                    errs.add(FieldError.required(p.child("maxUnavailable").value(), "cannot be 0 when maxSurge is 0"));
                }
                return errs;
            }
            default -> {
                return List.of(FieldError.notSupported(path.value(), new GoRepr("apps.DaemonSetUpdateStrategy{Type:"
                        + GoRepr.quote(type) + ", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}"),
                        List.of("RollingUpdate", "OnDelete")));
            }
        }
    }
}
