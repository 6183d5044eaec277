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
import io.kubesim.server.validation.NameRule;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * StatefulSets ({@code apps/v1}): DNS-1123 label names (upstream since 1.27), defaults
 * (OrderedReady, RollingUpdate with partition 0, PVC retention Retain/Retain, 1 replica, history
 * limit 10, pod template defaults), spec validation (upstream checks only the template's labels
 * and annotations, not its pod spec), status {@code {replicas: 0, availableReplicas: 0}} on create,
 * and upstream's rule that an update may change only replicas, ordinals, template, update
 * strategy, PVC retention policy and minReadySeconds. Stateless and thread-safe.
 */
public final class StatefulSetStrategy implements ResourceStrategy, NameRule.Provider {

    static final String UPDATE_FORBIDDEN = "updates to statefulset spec for fields other than 'replicas', 'ordinals', "
            + "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";
    private static final FieldPath SPEC = WorkloadValidation.SPEC;
    private static final List<String> UPDATABLE = List.of("replicas", "ordinals", "template", "updateStrategy",
            "persistentVolumeClaimRetentionPolicy", "minReadySeconds");

    @Override
    public NameRule nameRule() {
        return NameRule.DNS1123_LABEL;
    }

    @Override
    public void applyDefaults(ObjectNode sts) {
        ObjectNode spec = Trees.child(sts, "spec");
        Trees.defaultText(spec, "podManagementPolicy", "OrderedReady");
        ObjectNode strategy = Trees.child(spec, "updateStrategy");
        if (Trees.textOrEmpty(strategy, "type").isEmpty()) {
            strategy.put("type", "RollingUpdate");
            Trees.child(strategy, "rollingUpdate");
        }
        ObjectNode rolling = Trees.object(strategy, "rollingUpdate");
        if ("RollingUpdate".equals(Trees.text(strategy, "type")) && rolling != null) {
            Trees.defaultNumber(rolling, "partition", 0);
        }
        ObjectNode retention = Trees.child(spec, "persistentVolumeClaimRetentionPolicy");
        Trees.defaultText(retention, "whenDeleted", "Retain");
        Trees.defaultText(retention, "whenScaled", "Retain");
        Trees.defaultNumber(spec, "replicas", 1);
        Trees.defaultNumber(spec, "revisionHistoryLimit", 10);
        PodSpecDefaults.applyTemplate(Trees.child(spec, "template"));
    }

    @Override
    public void prepareForCreate(ObjectNode sts) {
        sts.putObject("status").put("replicas", 0).put("availableReplicas", 0);
    }

    @Override
    public List<FieldError> validate(ObjectNode sts) {
        JsonNode spec = sts.get("spec");
        List<FieldError> errs = new ArrayList<>();
        String policy = Trees.textOrEmpty(spec, "podManagementPolicy");
        if (policy.isEmpty()) {
            errs.add(FieldError.required(SPEC.child("podManagementPolicy").value(), ""));
        } else if (!policy.equals("OrderedReady") && !policy.equals("Parallel")) {
            errs.add(FieldError.invalid(SPEC.child("podManagementPolicy").value(), policy, "must be 'OrderedReady' or 'Parallel'"));
        }
        errs.addAll(validateUpdateStrategy(Trees.object(spec, "updateStrategy")));
        JsonNode retention = Trees.object(spec, "persistentVolumeClaimRetentionPolicy");
        if (retention != null) {
            for (String f : List.of("whenDeleted", "whenScaled")) {
                String v = Trees.textOrEmpty(retention, f);
                if (!v.equals("Retain") && !v.equals("Delete")) {
                    errs.add(FieldError.notSupported(SPEC.child("persistentVolumeClaimRetentionPolicy", f).value(), v,
                            List.of("Retain", "Delete")));
                }
            }
        }
        errs.addAll(Checks.nonNegative(spec, "replicas", SPEC.child("replicas")));
        errs.addAll(Checks.nonNegative(spec, "minReadySeconds", SPEC.child("minReadySeconds")));
        errs.addAll(Checks.nonNegative(Trees.object(spec, "ordinals"), "start", SPEC.child("ordinals.start")));
        JsonNode selector = Trees.object(spec, "selector");
        if (selector == null) {
            errs.add(FieldError.required(SPEC.child("selector").value(), ""));
        } else {
            errs.addAll(LabelValidation.validateLabelSelector(selector, SPEC.child("selector")));
            if (LabelSelectors.isEmpty(selector)) {
                errs.add(FieldError.invalid(SPEC.child("selector").value(), GoRepr.labelSelector(selector),
                        "empty selector is invalid for statefulset"));
            }
        }
        JsonNode template = Trees.object(spec, "template");
        if (!LabelSelectors.isConvertible(selector)) {
            errs.add(FieldError.invalid(SPEC.child("selector").value(), GoRepr.labelSelector(selector), ""));
        } else {
            FieldPath tPath = SPEC.child("template");
            errs.addAll(LabelSelectors.validateTemplateLabels(selector, template, tPath));
            JsonNode meta = Trees.object(template, "metadata");
            errs.addAll(LabelValidation.validateLabels(Trees.stringMap(meta, "labels"), tPath.child("labels")));
            errs.addAll(LabelValidation.validateAnnotations(Trees.stringMap(meta, "annotations"), tPath.child("annotations")));
        }
        errs.addAll(WorkloadValidation.restartAlwaysNoDeadline(template, SPEC.child("template"), "StatefulSet"));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode sts, ObjectNode old) {
        List<FieldError> errs = new ArrayList<>(validate(sts));
        ObjectNode now = Trees.object(sts, "spec") == null ? sts.objectNode() : Trees.object(sts, "spec").deepCopy();
        ObjectNode before = Trees.object(old, "spec") == null ? sts.objectNode() : Trees.object(old, "spec").deepCopy();
        now.remove(UPDATABLE);
        before.remove(UPDATABLE);
        if (!Trees.same(now, before)) {
            errs.add(FieldError.forbidden(SPEC.value(), UPDATE_FORBIDDEN));
        }
        return errs;
    }

    private static List<FieldError> validateUpdateStrategy(JsonNode strategy) {
        FieldPath path = SPEC.child("updateStrategy");
        String type = Trees.textOrEmpty(strategy, "type");
        JsonNode rolling = Trees.object(strategy, "rollingUpdate");
        List<FieldError> errs = new ArrayList<>();
        switch (type) {
            case "" -> errs.add(FieldError.required(path.value(), ""));
            case "OnDelete" -> {
                if (rolling != null) {
                    errs.add(FieldError.invalid(path.child("rollingUpdate").value(), new GoRepr(
                            "apps.RollingUpdateStatefulSetStrategy{Partition:" + Trees.integer(rolling, "partition", 0)
                                    + ", MaxUnavailable:(*intstr.IntOrString)(nil)}"),
                            "only allowed for updateStrategy 'RollingUpdate'"));
                }
            }
            case "RollingUpdate" -> {
                if (rolling != null) {
                    FieldPath p = path.child("rollingUpdate");
                    errs.addAll(Checks.nonNegative(rolling, "partition", p.child("partition")));
                    JsonNode maxUnavailable = rolling.get("maxUnavailable");
                    if (maxUnavailable != null && !maxUnavailable.isNull()) {
                        errs.addAll(WorkloadValidation.intOrPercent(maxUnavailable, p.child("maxUnavailable")));
                        if (WorkloadValidation.intOrPercentValue(maxUnavailable) == 0) {
                            errs.add(FieldError.invalid(p.child("maxUnavailable").value(), GoRepr.intOrString(maxUnavailable), "cannot be 0"));
                        }
                        errs.addAll(WorkloadValidation.notMoreThan100Percent(maxUnavailable, p.child("maxUnavailable")));
                    }
                }
            }
            default -> errs.add(FieldError.invalid(path.value(), new GoRepr("apps.StatefulSetUpdateStrategy{Type:"
                    + GoRepr.quote(type) + ", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}"),
                    "must be 'RollingUpdate' or 'OnDelete'"));
        }
        return errs;
    }
}
