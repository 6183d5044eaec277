package io.kubesim.nodeagent.logs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The options of a container log request, decoded from the query as the kubelet decodes
 * {@code PodLogOptions}: booleans are true unless empty, {@code false} or {@code 0}; the legacy
 * {@code tail} parameter stands for {@code tailLines} ({@code all} for none). Immutable.
 *
 * @param follow     keep streaming new lines
 * @param previous   the previous (terminated) run of the container
 * @param timestamps prefix each line with its RFC 3339 time
 * @param tailLines  only the last lines, or null
 * @param since      only lines at or after this time, or null
 * @param limitBytes stop after this many bytes, or null
 */
public record LogRequest(boolean follow, boolean previous, boolean timestamps, Long tailLines, Instant since,
                         Long limitBytes) {

    /** A request the kubelet refuses, with its HTTP code and body. */
    public static final class Invalid extends Exception {

        private final int code;

        Invalid(int code, String message) {
            super(message);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /**
     * Decodes and validates the query parameters (first values) at time {@code now}.
     *
     * @throws Invalid 400 {@code Unable to decode query.} or 422 {@code Invalid request.}, worded as the kubelet words them
     */
    public static LogRequest parse(Map<String, String> query, Instant now) throws Invalid {
        try {
            String tail = query.get("tail");
            String tailLines = tail == null ? query.get("tailLines") : tail.equals("all") ? null : tail;
            Long lines = number(tailLines);
            Long limit = number(query.get("limitBytes"));
            Long sinceSeconds = number(query.get("sinceSeconds"));
            String sinceTime = query.get("sinceTime");
            Instant since = sinceTime == null || sinceTime.isEmpty() ? null
                    : OffsetDateTime.parse(sinceTime).toInstant();
            if ((lines != null && lines < 0) || (limit != null && limit < 1)
                    || (sinceSeconds != null && sinceSeconds < 1) || (sinceSeconds != null && since != null)) {
                throw new Invalid(422, "{\"message\": \"Invalid request.\"}");
            }
            if (sinceSeconds != null) {
                since = now.minusSeconds(sinceSeconds);
            }
            return new LogRequest(bool(query.get("follow")), bool(query.get("previous")),
                    bool(query.get("timestamps")), lines, since, limit);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new Invalid(400, "{\"message\": \"Unable to decode query.\"}");
        }
    }

    private static Long number(String v) {
        return v == null || v.isEmpty() ? null : Long.valueOf(v);
    }

    private static boolean bool(String v) {
        return v != null && !v.isEmpty() && !v.equalsIgnoreCase("false") && !v.equals("0");
    }
}
