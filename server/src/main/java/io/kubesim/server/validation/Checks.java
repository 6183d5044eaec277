package io.kubesim.server.validation;

import java.util.ArrayList;
import java.util.List;

import io.kubesim.server.api.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * Small field checks shared by the kind validators, each returning zero or one upstream-worded
 * {@link FieldError}. Stateless and thread-safe.
 */
public final class Checks {

    private Checks() {
    }

    /** {@code Invalid value: -1: must be greater than or equal to 0} for a negative number. */
    public static List<FieldError> nonNegative(JsonNode node, String field, FieldPath path) {
        Long v = Trees.integer(node, field);
        return v != null && v < 0 ? List.of(FieldError.invalid(path.value(), v, ObjectMetaValidation.IS_NEGATIVE))
                : List.of();
    }

    /**
     * Required when empty, {@code Unsupported value} when not one of {@code supported}; the
     * supported values are listed in the order given (upstream sometimes sorts, sometimes not).
     */
    public static List<FieldError> oneOf(String value, FieldPath path, List<String> supported) {
        if (value == null || value.isEmpty()) {
            return List.of(FieldError.required(path.value(), ""));
        }
        return supported.contains(value) ? List.of() : List.of(FieldError.notSupported(path.value(), value, supported));
    }

    /** {@code Unsupported value} when set and not one of {@code supported}; absence is fine. */
    public static List<FieldError> optionalOneOf(String value, FieldPath path, List<String> supported) {
        return value == null || value.isEmpty() ? List.of() : oneOf(value, path, supported);
    }

    /** DNS-1123 label check of a set value, one error per problem. */
    public static List<FieldError> dns1123Label(String value, FieldPath path) {
        return NameValidation.dns1123Label(value).stream().map(m -> FieldError.invalid(path.value(), value, m)).toList();
    }

    /** DNS-1123 subdomain check of a set value, one error per problem. */
    public static List<FieldError> dns1123Subdomain(String value, FieldPath path) {
        return NameValidation.dns1123Subdomain(value).stream().map(m -> FieldError.invalid(path.value(), value, m))
                .toList();
    }

    /** Qualified-name check of a value, one error per problem. */
    public static List<FieldError> qualifiedName(String value, FieldPath path) {
        return NameValidation.qualifiedName(value).stream().map(m -> FieldError.invalid(path.value(), value, m))
                .toList();
    }

    /** A port given as number (1–65535) or IANA name, as a service's {@code targetPort}. */
    public static List<FieldError> portNumOrName(JsonNode port, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (port != null && port.isString()) {
            String name = port.asString();
            NameValidation.portName(name).forEach(m -> errs.add(FieldError.invalid(path.value(), name, m)));
        } else {
            long n = port != null && port.isIntegralNumber() ? port.asLong() : 0;
            NameValidation.portNumber(n).forEach(m -> errs.add(FieldError.invalid(path.value(), n, m)));
        }
        return errs;
    }

    /** {@code Invalid value: <new>: field is immutable} when the two values differ (absent equals null). */
    public static List<FieldError> immutable(JsonNode now, JsonNode before, FieldPath path, Object shownValue) {
        return Trees.same(now, before) ? List.of()
                : List.of(FieldError.invalid(path.value(), shownValue, ObjectMetaValidation.FIELD_IMMUTABLE));
    }
}
