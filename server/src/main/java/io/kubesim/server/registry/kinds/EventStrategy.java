package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.List;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.registry.ResourceStrategy;
import io.kubesim.server.validation.Checks;
import io.kubesim.server.validation.FieldPath;
import io.kubesim.server.validation.NameValidation;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Core events ({@code v1}), with upstream's "legacy" rules for that version: an event without
 * {@code eventTime} must be in its involved object's namespace (or {@code default} for cluster
 * objects); one with {@code eventTime} needs {@code reportingComponent}, {@code reportingInstance},
 * {@code action} and {@code reason} within their length limits. Updates are validated the same
 * way, nothing is immutable. Defaulting fills the fields the v1 wire format always carries
 * ({@code involvedObject}, {@code source}, null timestamps, empty reporting fields).
 *
 * <p>Stateless and thread-safe.
 */
public final class EventStrategy implements ResourceStrategy {

    private static final int REPORTING_INSTANCE_LIMIT = 128;
    private static final int ACTION_LIMIT = 128;
    private static final int REASON_LIMIT = 128;
    private static final int NOTE_LIMIT = 1024;

    @Override
    public void applyDefaults(ObjectNode event) {
        Trees.child(event, "involvedObject");
        Trees.child(event, "source");
        for (String time : List.of("firstTimestamp", "lastTimestamp", "eventTime")) {
            if (!event.has(time)) {
                event.putNull(time);
            }
        }
        for (String text : List.of("reportingComponent", "reportingInstance")) {
            if (Trees.text(event, text) == null) {
                event.put(text, "");
            }
        }
    }

    @Override
    public List<FieldError> validate(ObjectNode event) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode involved = event.get("involvedObject");
        String involvedNs = Trees.textOrEmpty(involved, "namespace");
        String namespace = Trees.textOrEmpty(event.get("metadata"), "namespace");
        FieldPath nsPath = FieldPath.of("involvedObject", "namespace");
        if (!Trees.isSet(event, "eventTime")) {
            boolean ok = involvedNs.isEmpty() ? namespace.isEmpty() || namespace.equals("default")
                    : namespace.equals(involvedNs);
            if (!ok) {
                errs.add(FieldError.invalid(nsPath.value(), involvedNs, "does not match event.namespace"));
            }
        } else {
            if (involvedNs.isEmpty() && !namespace.equals("default") && !namespace.equals("kube-system")) {
                errs.add(FieldError.invalid(nsPath.value(), involvedNs, "does not match event.namespace"));
            }
            String component = Trees.textOrEmpty(event, "reportingComponent");
            if (component.isEmpty()) {
                errs.add(FieldError.required("reportingComponent", ""));
            }
            errs.addAll(Checks.qualifiedName(component, FieldPath.of("reportingComponent")));
            errs.addAll(requiredWithin(event, "reportingInstance", REPORTING_INSTANCE_LIMIT, true));
            errs.addAll(requiredWithin(event, "action", ACTION_LIMIT, true));
            errs.addAll(requiredWithin(event, "reason", REASON_LIMIT, true));
            errs.addAll(requiredWithin(event, "message", NOTE_LIMIT, false));
        }
        NameValidation.dns1123Subdomain(namespace).forEach(m -> errs.add(FieldError.invalid("namespace", namespace, m)));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode event, ObjectNode old) {
        return validate(event);
    }

    private static List<FieldError> requiredWithin(ObjectNode event, String field, int limit, boolean required) {
        String value = Trees.textOrEmpty(event, field);
        List<FieldError> errs = new ArrayList<>();
        if (required && value.isEmpty()) {
            errs.add(FieldError.required(field, ""));
        }
        if (value.length() > limit) {
            errs.add(FieldError.invalid(field, "", "can have at most " + limit + " characters"));
        }
        return errs;
    }
}
