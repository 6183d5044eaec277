package io.kubesim.server.api;

import java.util.List;

/**
 * A failure that becomes a {@code metav1.Status} response. Layers below HTTP throw this (or a
 * storage exception, which the generic store translates); the HTTP code is chosen from the
 * {@link Reason} in {@code StatusErrors}, never here.
 *
 * @param details may be null; see {@link StatusDetails}
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final transient StatusDetails details;

    public ApiException(Reason reason, String message, StatusDetails details) {
        super(message, null, false, false);
        this.reason = reason;
        this.details = details;
    }

    public ApiException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    public StatusDetails details() {
        return details;
    }

    /** {@code Status.details}: which object, and for Invalid the per-field causes. */
    public record StatusDetails(String name, String group, String kind, List<Cause> causes, Integer retryAfterSeconds) {
        public StatusDetails(String name, String group, String kind) {
            this(name, group, kind, List.of(), null);
        }
    }

    /** One {@code StatusCause}. */
    public record Cause(String reason, String message, String field) {
    }

    // ---- factories for the common cases, messages exactly as kube-apiserver words them ----

    /** {@code pods "x" not found}; {@code qualifiedResource} is {@code pods} or {@code deployments.apps}. */
    public static ApiException notFound(String qualifiedResource, String group, String resource, String name) {
        return new ApiException(Reason.NotFound, qualifiedResource + " \"" + name + "\" not found",
                new StatusDetails(name, group, resource));
    }

    public static ApiException alreadyExists(String qualifiedResource, String group, String resource, String name) {
        return new ApiException(Reason.AlreadyExists, qualifiedResource + " \"" + name + "\" already exists",
                new StatusDetails(name, group, resource));
    }

    public static ApiException conflict(String qualifiedResource, String group, String resource, String name,
                                        String why) {
        return new ApiException(Reason.Conflict, "Operation cannot be fulfilled on " + qualifiedResource + " \""
                + name + "\": " + why, new StatusDetails(name, group, resource));
    }

    public static final String MODIFIED =
            "the object has been modified; please apply your changes to the latest version and try again";

    /** 422 with causes; {@code kind} is the Kind ({@code ConfigMap}), as kube-apiserver reports it. */
    public static ApiException invalid(String group, String kind, String name, List<FieldError> errors) {
        String list = errors.size() == 1 ? errors.get(0).fullMessage()
                : "[" + String.join(", ", errors.stream().map(FieldError::fullMessage).toList()) + "]";
        List<Cause> causes = errors.stream()
                .map(e -> new Cause(e.type().causeReason(), e.message(), e.field())).toList();
        return new ApiException(Reason.Invalid, kind + " \"" + name + "\" is invalid: " + list,
                new StatusDetails(name, group, kind, causes, null));
    }

    public static ApiException badRequest(String message) {
        return new ApiException(Reason.BadRequest, message);
    }

    public static ApiException internal(String message) {
        return new ApiException(Reason.InternalError, "Internal error occurred: " + message);
    }
}
