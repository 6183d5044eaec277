package io.kubesim.server.validation;

import java.util.ArrayList;
import java.util.List;

import io.kubesim.server.api.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validation of a container's liveness, readiness and startup probes: exactly one handler,
 * non-negative timings, and a success threshold of 1 where upstream requires it. Stateless and
 * thread-safe.
 */
final class ProbeValidation {

    private static final List<String> HANDLERS = List.of("exec", "httpGet", "tcpSocket", "grpc");
    private static final List<String> NUMBERS = List.of("initialDelaySeconds", "timeoutSeconds", "periodSeconds",
            "successThreshold", "failureThreshold");

    private ProbeValidation() {
    }

    static List<FieldError> validateProbes(ObjectNode container, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        ObjectNode liveness = Trees.object(container, "livenessProbe");
        if (liveness != null) {
            errs.addAll(validateProbe(liveness, path.child("livenessProbe")));
            errs.addAll(successThresholdOne(liveness, path.child("livenessProbe")));
        }
        ObjectNode readiness = Trees.object(container, "readinessProbe");
        if (readiness != null) {
            errs.addAll(validateProbe(readiness, path.child("readinessProbe")));
            if (Trees.isSet(readiness, "terminationGracePeriodSeconds")) {
                errs.add(FieldError.invalid(path.child("readinessProbe", "terminationGracePeriodSeconds").value(),
                        Trees.integer(readiness, "terminationGracePeriodSeconds"), "must not be set for readinessProbes"));
            }
        }
        ObjectNode startup = Trees.object(container, "startupProbe");
        if (startup != null) {
            errs.addAll(validateProbe(startup, path.child("startupProbe")));
            errs.addAll(successThresholdOne(startup, path.child("startupProbe")));
        }
        return errs;
    }

    private static List<FieldError> validateProbe(ObjectNode probe, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(validateHandler(probe, path));
        for (String f : NUMBERS) {
            errs.addAll(Checks.nonNegative(probe, f, path.child(f)));
        }
        Long grace = Trees.integer(probe, "terminationGracePeriodSeconds");
        if (grace != null && grace <= 0) {
            errs.add(FieldError.invalid(path.child("terminationGracePeriodSeconds").value(), grace,
                    "must be greater than 0"));
        }
        return errs;
    }

    private static List<FieldError> validateHandler(ObjectNode probe, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        int handlers = 0;
        for (String h : HANDLERS) {
            JsonNode handler = Trees.object(probe, h);
            if (handler == null) {
                continue;
            }
            if (handlers > 0) {
                errs.add(FieldError.forbidden(path.child(h).value(), "may not specify more than 1 handler type"));
                continue;
            }
            handlers++;
            FieldPath p = path.child(h);
            switch (h) {
                case "exec" -> {
                    if (Trees.strings(handler, "command").isEmpty()) {
                        errs.add(FieldError.required(p.child("command").value(), ""));
                    }
                }
                case "httpGet" -> {
                    if (Trees.textOrEmpty(handler, "path").isEmpty()) {
                        errs.add(FieldError.required(p.child("path").value(), ""));
                    }
                    errs.addAll(Checks.portNumOrName(handler.get("port"), p.child("port")));
                    String scheme = Trees.textOrEmpty(handler, "scheme");
                    if (!scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
                        errs.add(FieldError.notSupported(p.child("scheme").value(), scheme, List.of("HTTP", "HTTPS")));
                    }
                }
                case "tcpSocket" -> errs.addAll(Checks.portNumOrName(handler.get("port"), p.child("port")));
                default -> {
                    long port = Trees.integer(handler, "port", 0);
                    NameValidation.portNumber(port).forEach(m -> errs.add(FieldError.invalid(p.child("port").value(), port, m)));
                }
            }
        }
        if (handlers == 0) {
            errs.add(FieldError.required(path.value(), "must specify a handler type"));
        }
        return errs;
    }

    private static List<FieldError> successThresholdOne(ObjectNode probe, FieldPath path) {
        long v = Trees.integer(probe, "successThreshold", 1);
        return v == 1 ? List.of() : List.of(FieldError.invalid(path.child("successThreshold").value(), v, "must be 1"));
    }
}
