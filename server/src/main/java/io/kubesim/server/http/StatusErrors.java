package io.kubesim.server.http;

import java.util.Map;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.json.Json;
import io.kubesim.server.storage.StorageException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns failures into {@code metav1.Status} responses. The only place where HTTP status codes are
 * chosen for errors: deeper layers throw {@link ApiException} with a {@link Reason}. Anything
 * unexpected becomes a 500 {@code InternalError} Status with a short message; stack traces go to the
 * log, never to the client. Stateless.
 */
public final class StatusErrors {

    private static final Logger LOG = LoggerFactory.getLogger(StatusErrors.class);

    private static final Map<Reason, Integer> CODES = Map.ofEntries(
            Map.entry(Reason.BadRequest, 400),
            Map.entry(Reason.Unauthorized, 401),
            Map.entry(Reason.Forbidden, 403),
            Map.entry(Reason.NotFound, 404),
            Map.entry(Reason.MethodNotAllowed, 405),
            Map.entry(Reason.NotAcceptable, 406),
            Map.entry(Reason.AlreadyExists, 409),
            Map.entry(Reason.Conflict, 409),
            Map.entry(Reason.Gone, 410),
            Map.entry(Reason.Expired, 410),
            Map.entry(Reason.RequestEntityTooLarge, 413),
            Map.entry(Reason.UnsupportedMediaType, 415),
            Map.entry(Reason.Invalid, 422),
            Map.entry(Reason.TooManyRequests, 429),
            Map.entry(Reason.InternalError, 500),
            Map.entry(Reason.ServiceUnavailable, 503),
            Map.entry(Reason.Timeout, 504));

    private StatusErrors() {
    }

    public static int code(Reason reason) {
        return CODES.get(reason);
    }

    /** Maps any failure to an ApiException; unexpected ones are logged and become InternalError. */
    public static ApiException toApiException(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ApiException api) {
            return api;
        }
        if (t instanceof JacksonException j) {
            return ApiException.badRequest("error decoding body: " + j.getOriginalMessage());
        }
        if (t instanceof StorageException s) {
            LOG.warn("storage failure", s);
            return ApiException.internal(s.getMessage());
        }
        LOG.error("unexpected failure", t);
        return ApiException.internal(t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": "
                + t.getMessage()));
    }

    /** The Status object for {@code e}. */
    public static ObjectNode status(ApiException e) {
        ObjectNode s = Json.object();
        s.put("kind", "Status");
        s.put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Failure");
        s.put("message", e.getMessage());
        s.put("reason", e.reason().name());
        ApiException.StatusDetails d = e.details();
        if (d != null) {
            ObjectNode details = s.putObject("details");
            if (d.name() != null && !d.name().isEmpty()) {
                details.put("name", d.name());
            }
            if (d.group() != null && !d.group().isEmpty()) {
                details.put("group", d.group());
            }
            if (d.kind() != null) {
                details.put("kind", d.kind());
            }
            if (d.causes() != null && !d.causes().isEmpty()) {
                ArrayNode causes = details.putArray("causes");
                for (ApiException.Cause c : d.causes()) {
                    ObjectNode cause = causes.addObject();
                    cause.put("reason", c.reason());
                    cause.put("message", c.message());
                    if (c.field() != null) {
                        cause.put("field", c.field());
                    }
                }
            }
            if (d.retryAfterSeconds() != null) {
                details.put("retryAfterSeconds", d.retryAfterSeconds());
            }
        }
        s.put("code", code(e.reason()));
        return s;
    }

    /** A success Status, e.g. for an eviction ({@code code} 201) or a deletecollection. */
    public static ObjectNode success(int code) {
        ObjectNode s = Json.object();
        s.put("kind", "Status");
        s.put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Success");
        s.put("code", code);
        return s;
    }

    /** Writes {@code failure} as a Status response, unless the response has already started. */
    public static void respond(HttpServerResponse response, Throwable failure) {
        ApiException e = toApiException(failure);
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        int code = code(e.reason());
        response.setStatusCode(code);
        response.putHeader("Content-Type", "application/json");
        if (e.details() != null && e.details().retryAfterSeconds() != null) {
            response.putHeader("Retry-After", e.details().retryAfterSeconds().toString());
        }
        response.end(Buffer.buffer(Json.bytes(status(e))));
    }
}
