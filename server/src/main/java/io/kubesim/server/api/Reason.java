package io.kubesim.server.api;

/**
 * The {@code Status.reason} values the server produces. Which HTTP code each one maps to is decided
 * in one place only: {@code io.kubesim.server.http.StatusErrors}.
 */
public enum Reason {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    NotAcceptable,
    AlreadyExists,
    Conflict,
    Gone,
    Expired,
    RequestEntityTooLarge,
    UnsupportedMediaType,
    Invalid,
    TooManyRequests,
    InternalError,
    ServiceUnavailable,
    Timeout
}
