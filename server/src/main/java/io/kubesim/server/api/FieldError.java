package io.kubesim.server.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One validation failure on one field, rendered the way the Kubernetes API server renders
 * {@code field.Error}: {@code <field>: <type>: <badValue>: <detail>}.
 *
 * @param field    the JSON path, e.g. {@code metadata.name} or {@code spec.containers[0].image}
 * @param badValue the rejected value (null when not applicable); strings are quoted when printed
 */
public record FieldError(Type type, String field, Object badValue, String detail) {

    /** Error types with their {@code StatusCause.reason} and message prefix. */
    public enum Type {
        REQUIRED("FieldValueRequired", "Required value"),
        INVALID("FieldValueInvalid", "Invalid value"),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
        DUPLICATE("FieldValueDuplicate", "Duplicate value"),
        FORBIDDEN("FieldValueForbidden", "Forbidden"),
        TOO_LONG("FieldValueTooLong", "Too long"),
        TYPE_INVALID("FieldValueTypeInvalid", "Invalid value"),
        NOT_FOUND("FieldValueNotFound", "Not found");

        private final String causeReason;
        private final String text;

        Type(String causeReason, String text) {
            this.causeReason = causeReason;
            this.text = text;
        }

        public String causeReason() {
            return causeReason;
        }

        public String text() {
            return text;
        }
    }

    public static FieldError required(String field, String detail) {
        return new FieldError(Type.REQUIRED, field, null, detail);
    }

    public static FieldError invalid(String field, Object badValue, String detail) {
        return new FieldError(Type.INVALID, field, badValue, detail);
    }

    public static FieldError notSupported(String field, Object badValue, List<String> supported) {
        String detail = supported.isEmpty() ? null : "supported values: "
                + supported.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
        return new FieldError(Type.NOT_SUPPORTED, field, badValue, detail);
    }

    public static FieldError forbidden(String field, String detail) {
        return new FieldError(Type.FORBIDDEN, field, null, detail);
    }

    public static FieldError duplicate(String field, Object badValue) {
        return new FieldError(Type.DUPLICATE, field, badValue, null);
    }

    public static FieldError tooLong(String field, Object badValue, int max) {
        return new FieldError(Type.TOO_LONG, field, badValue, "may not be more than " + max + " bytes");
    }

    /** The cause message without the field, e.g. {@code Invalid value: "x": must be ...}. */
    public String message() {
        StringBuilder sb = new StringBuilder(type.text());
        boolean valueShown = badValue != null && type != Type.REQUIRED && type != Type.FORBIDDEN
                && type != Type.TOO_LONG;
        if (valueShown) {
            sb.append(": ").append(render(badValue));
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }

    /** {@code field: message}, as in the Status message list. */
    public String fullMessage() {
        return field + ": " + message();
    }

    private static String render(Object v) {
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(v);
    }
}
