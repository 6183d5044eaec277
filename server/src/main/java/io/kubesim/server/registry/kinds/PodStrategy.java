package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.registry.ResourceStrategy;
import io.kubesim.server.validation.FieldPath;
import io.kubesim.server.validation.PodSpecValidation;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pods ({@code v1}): pod-spec defaults, the admission defaults real clusters add on create
 * (service account, default tolerations, priority), an initial status of {@code Pending} with the
 * QoS class, spec validation, upstream's narrow rules for spec updates, and graceful deletion.
 *
 * <p>{@code pods/binding} must not be implemented as an update through {@link #validateUpdate}: a
 * regular update may never set {@code spec.nodeName}, exactly as upstream.
 *
 * <p>Stateless and thread-safe.
 */
public final class PodStrategy implements ResourceStrategy {

    private static final FieldPath SPEC = new FieldPath("spec");
    private static final long DEFAULT_GRACE_SECONDS = 30;

    @Override
    public void applyDefaults(ObjectNode pod) {
        ObjectNode spec = Trees.child(pod, "spec");
        PodSpecDefaults.applySpec(spec);
        PodSpecDefaults.applyPodOnly(spec);
        ObjectNode status = Trees.object(pod, "status");
        if (status != null) {
            syncIps(status, "podIP", "podIPs");
            syncIps(status, "hostIP", "hostIPs");
        }
    }

    @Override
    public void prepareForCreate(ObjectNode pod) {
        ObjectNode spec = Trees.child(pod, "spec");
        PodAdmission.admit(spec);
        pod.putObject("status").put("phase", "Pending").put("qosClass", QosClass.of(spec));
    }

    @Override
    public List<FieldError> validate(ObjectNode pod) {
        JsonNode spec = pod.get("spec");
        List<FieldError> errs = new ArrayList<>(PodSpecValidation.validate(spec, SPEC, true));
        if (!Trees.elements(spec, "ephemeralContainers").isEmpty()) {
            errs.add(FieldError.forbidden(SPEC.child("ephemeralContainers").value(), "cannot be set on create"));
        }
        if (!Trees.textOrEmpty(spec, "nodeName").isEmpty() && !Trees.elements(spec, "schedulingGates").isEmpty()) {
            errs.add(FieldError.forbidden(SPEC.child("nodeName").value(),
                    "cannot be set until all schedulingGates have been cleared"));
        }
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode pod, ObjectNode old) {
        List<FieldError> errs = new ArrayList<>(PodSpecValidation.validate(pod.get("spec"), SPEC, true));
        errs.addAll(PodUpdateRules.validate(pod, old));
        return errs;
    }

    /**
     * Immediate (empty) for a pod that is not bound to a node or has finished; otherwise the
     * requested period, else {@code spec.terminationGracePeriodSeconds}. Zero means immediate; a
     * negative period becomes 1, as upstream.
     */
    @Override
    public OptionalLong gracePeriodSeconds(ObjectNode pod, Long requested) {
        JsonNode spec = pod.get("spec");
        long period = requested != null ? requested
                : Trees.integer(spec, "terminationGracePeriodSeconds", DEFAULT_GRACE_SECONDS);
        String phase = Trees.textOrEmpty(pod.get("status"), "phase");
        if (Trees.textOrEmpty(spec, "nodeName").isEmpty() || phase.equals("Succeeded") || phase.equals("Failed")) {
            period = 0;
        }
        if (period < 0) {
            period = 1;
        }
        return period == 0 ? OptionalLong.empty() : OptionalLong.of(period);
    }

    /** The v1 wire format carries both the first address and the list; either one fills the other. */
    private static void syncIps(ObjectNode status, String single, String plural) {
        String ip = Trees.textOrEmpty(status, single);
        List<ObjectNode> ips = Trees.objects(status, plural);
        if (!ip.isEmpty() && ips.isEmpty()) {
            ArrayNode list = status.putArray(plural);
            list.addObject().put("ip", ip);
        } else if (ip.isEmpty() && !ips.isEmpty() && !Trees.textOrEmpty(ips.get(0), "ip").isEmpty()) {
            status.put(single, Trees.text(ips.get(0), "ip"));
        }
    }
}
