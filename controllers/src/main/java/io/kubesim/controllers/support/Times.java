package io.kubesim.controllers.support;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** RFC 3339 timestamps as the API stores them (second precision, UTC). Stateless. */
public final class Times {

    private Times() {
    }

    /** Now, as the API would store it. */
    public static String now(Clock clock) {
        return format(clock.instant());
    }

    public static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The instant of {@code timestamp}, or null if absent or unparsable. */
    public static Instant parse(String timestamp) {
        if (timestamp == null || timestamp.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
