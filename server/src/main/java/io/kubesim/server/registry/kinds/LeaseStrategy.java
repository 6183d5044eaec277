package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.List;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.json.Timestamps;
import io.kubesim.server.registry.ResourceStrategy;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.node.ObjectNode;

/**
 * Leases ({@code coordination.k8s.io/v1}): positive durations, non-negative transition counts, and
 * a preferred holder only together with a strategy. {@code spec} is always present, as upstream
 * serializes it, and the MicroTime fields are stored with six fractional digits whatever precision
 * the client sent. Stateless and thread-safe.
 */
public final class LeaseStrategy implements ResourceStrategy {

    @Override
    public void applyDefaults(ObjectNode lease) {
        ObjectNode spec = Trees.child(lease, "spec");
        Timestamps.normalizeMicroTime(spec, "acquireTime");
        Timestamps.normalizeMicroTime(spec, "renewTime");
    }

    @Override
    public List<FieldError> validate(ObjectNode lease) {
        List<FieldError> errs = new ArrayList<>();
        ObjectNode spec = Trees.object(lease, "spec");
        Long duration = Trees.integer(spec, "leaseDurationSeconds");
        if (duration != null && duration <= 0) {
            errs.add(FieldError.invalid("spec.leaseDurationSeconds", duration, "must be greater than 0"));
        }
        Long transitions = Trees.integer(spec, "leaseTransitions");
        if (transitions != null && transitions < 0) {
            errs.add(FieldError.invalid("spec.leaseTransitions", transitions, "must be greater than or equal to 0"));
        }
        if (!Trees.textOrEmpty(spec, "preferredHolder").isEmpty() && Trees.textOrEmpty(spec, "strategy").isEmpty()) {
            errs.add(FieldError.forbidden("spec.preferredHolder", "may only be specified if `strategy` is defined"));
        }
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode lease, ObjectNode old) {
        return validate(lease);
    }
}
