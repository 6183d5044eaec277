package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.List;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.registry.ResourceStrategy;
import io.kubesim.server.validation.Checks;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ReplicaSets ({@code apps/v1}): 1 replica by default, pod template defaults, spec validation
 * (upstream words an empty selector as "invalid for deployment" here too), status
 * {@code {replicas: 0}} on create and the immutable selector. Stateless and thread-safe.
 */
public final class ReplicaSetStrategy implements ResourceStrategy {

    @Override
    public void applyDefaults(ObjectNode rs) {
        ObjectNode spec = Trees.child(rs, "spec");
        Trees.defaultNumber(spec, "replicas", 1);
        PodSpecDefaults.applyTemplate(Trees.child(spec, "template"));
    }

    @Override
    public void prepareForCreate(ObjectNode rs) {
        rs.putObject("status").put("replicas", 0);
    }

    @Override
    public List<FieldError> validate(ObjectNode rs) {
        JsonNode spec = rs.get("spec");
        List<FieldError> errs = new ArrayList<>(Checks.nonNegative(spec, "replicas", WorkloadValidation.SPEC.child("replicas")));
        errs.addAll(Checks.nonNegative(spec, "minReadySeconds", WorkloadValidation.SPEC.child("minReadySeconds")));
        errs.addAll(WorkloadValidation.selectorAndTemplate(spec, "deployment", "ReplicaSet"));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode rs, ObjectNode old) {
        List<FieldError> errs = new ArrayList<>(validate(rs));
        errs.addAll(WorkloadValidation.immutableSelector(rs.get("spec"), old.get("spec")));
        return errs;
    }
}
