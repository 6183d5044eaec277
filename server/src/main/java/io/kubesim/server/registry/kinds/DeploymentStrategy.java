package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.List;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.registry.ResourceStrategy;
import io.kubesim.server.validation.Checks;
import io.kubesim.server.validation.FieldPath;
import io.kubesim.server.validation.GoRepr;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deployments ({@code apps/v1}): defaults (1 replica, RollingUpdate 25%/25%, history limit 10,
 * progress deadline 600s, pod template defaults), spec validation, an empty status on create and
 * the immutable selector. Stateless and thread-safe.
 */
public final class DeploymentStrategy implements ResourceStrategy {

    private static final FieldPath SPEC = WorkloadValidation.SPEC;

    @Override
    public void applyDefaults(ObjectNode deployment) {
        ObjectNode spec = Trees.child(deployment, "spec");
        Trees.defaultNumber(spec, "replicas", 1);
        ObjectNode strategy = Trees.child(spec, "strategy");
        String type = Trees.defaultText(strategy, "type", "RollingUpdate");
        if (type.equals("RollingUpdate")) {
            ObjectNode rolling = Trees.child(strategy, "rollingUpdate");
            if (!Trees.isSet(rolling, "maxUnavailable")) {
                rolling.put("maxUnavailable", "25%");
            }
            if (!Trees.isSet(rolling, "maxSurge")) {
                rolling.put("maxSurge", "25%");
            }
        }
        Trees.defaultNumber(spec, "revisionHistoryLimit", 10);
        Trees.defaultNumber(spec, "progressDeadlineSeconds", 600);
        PodSpecDefaults.applyTemplate(Trees.child(spec, "template"));
    }

    @Override
    public void prepareForCreate(ObjectNode deployment) {
        deployment.putObject("status");
    }

    @Override
    public List<FieldError> validate(ObjectNode deployment) {
        JsonNode spec = deployment.get("spec");
        List<FieldError> errs = new ArrayList<>(Checks.nonNegative(spec, "replicas", SPEC.child("replicas")));
        errs.addAll(WorkloadValidation.selectorAndTemplate(spec, "deployment", "ReplicaSet"));
        errs.addAll(validateStrategy(Trees.object(spec, "strategy")));
        errs.addAll(Checks.nonNegative(spec, "minReadySeconds", SPEC.child("minReadySeconds")));
        errs.addAll(Checks.nonNegative(spec, "revisionHistoryLimit", SPEC.child("revisionHistoryLimit")));
        Long deadline = Trees.integer(spec, "progressDeadlineSeconds");
        if (deadline != null) {
            errs.addAll(Checks.nonNegative(spec, "progressDeadlineSeconds", SPEC.child("progressDeadlineSeconds")));
            if (deadline <= Trees.integer(spec, "minReadySeconds", 0)) {
                errs.add(FieldError.invalid(SPEC.child("progressDeadlineSeconds").value(), deadline,
                        "must be greater than minReadySeconds"));
            }
        }
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode deployment, ObjectNode old) {
        List<FieldError> errs = new ArrayList<>(validate(deployment));
        errs.addAll(WorkloadValidation.immutableSelector(deployment.get("spec"), old.get("spec")));
        return errs;
    }

    private static List<FieldError> validateStrategy(JsonNode strategy) {
        List<FieldError> errs = new ArrayList<>();
        FieldPath path = SPEC.child("strategy");
        String type = Trees.textOrEmpty(strategy, "type");
        JsonNode rolling = Trees.object(strategy, "rollingUpdate");
        switch (type) {
            case "Recreate" -> {
                if (rolling != null) {
                    errs.add(FieldError.forbidden(path.child("rollingUpdate").value(),
                            "may not be specified when strategy `type` is 'Recreate'"));
                }
            }
            case "RollingUpdate" -> {
                if (rolling == null) {
                    errs.add(FieldError.required(path.child("rollingUpdate").value(), "this should be defaulted and never be nil"));
                } else {
                    FieldPath p = path.child("rollingUpdate");
                    JsonNode maxUnavailable = rolling.get("maxUnavailable");
                    JsonNode maxSurge = rolling.get("maxSurge");
                    errs.addAll(WorkloadValidation.intOrPercent(maxUnavailable, p.child("maxUnavailable")));
                    errs.addAll(WorkloadValidation.intOrPercent(maxSurge, p.child("maxSurge")));
                    if (WorkloadValidation.intOrPercentValue(maxUnavailable) == 0
                            && WorkloadValidation.intOrPercentValue(maxSurge) == 0) {
                        errs.add(FieldError.invalid(p.child("maxUnavailable").value(), GoRepr.intOrString(maxUnavailable),
                                "may not be 0 when `maxSurge` is 0"));
                    }
                    errs.addAll(WorkloadValidation.notMoreThan100Percent(maxUnavailable, p.child("maxUnavailable")));
                }
            }
            default -> errs.add(FieldError.notSupported(path.value(), new GoRepr("apps.DeploymentStrategy{Type:"
                    + GoRepr.quote(type) + ", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}"),
                    List.of("Recreate", "RollingUpdate")));
        }
        return errs;
    }
}
