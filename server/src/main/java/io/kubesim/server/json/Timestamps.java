package io.kubesim.server.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.kubesim.server.api.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two timestamp forms of the Kubernetes API, written exactly as the real server writes them:
 * {@code metav1.Time} with second precision ({@code 2026-01-01T00:00:00Z}) and {@code metav1.MicroTime}
 * with six fractional digits ({@code 2026-01-01T00:00:00.000000Z}). Clients send other precisions
 * (Fabric8 sends nanoseconds); the server normalizes them so every reader can parse what it stored.
 * Stateless.
 */
public final class Timestamps {

    private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** Rewrites {@code object.field} (when it is a string) to MicroTime form. */
    public static void normalizeMicroTime(ObjectNode object, String field) {
        JsonNode v = object == null ? null : object.get(field);
        if (v != null && v.isString()) {
            object.put(field, MICRO.format(parse(v.asString(), field).truncatedTo(ChronoUnit.MICROS)));
        }
    }

    /** Rewrites {@code object.field} (when it is a string) to Time form. */
    public static void normalizeTime(ObjectNode object, String field) {
        JsonNode v = object == null ? null : object.get(field);
        if (v != null && v.isString()) {
            object.put(field, DateTimeFormatter.ISO_INSTANT.format(parse(v.asString(), field)
                    .truncatedTo(ChronoUnit.SECONDS)));
        }
    }

    private static Instant parse(String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("parsing time \"" + text + "\" as \"2006-01-02T15:04:05Z07:00\": cannot "
                    + "parse field " + field);
        }
    }
}
