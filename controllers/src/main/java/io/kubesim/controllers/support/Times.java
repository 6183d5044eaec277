package io.kubesim.controllers.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Kubernetes timestamps: {@code metav1.Time} is RFC 3339 with second precision in UTC
 * ({@code 2024-05-01T10:00:00Z}); {@code metav1.MicroTime} carries microseconds. Stateless.
 */
public final class Times {

    private Times() {
    }

    /** The instant of an RFC 3339 timestamp (any offset), or null when it is absent or malformed. */
    public static Instant parse(String timestamp) {
        if (timestamp == null || timestamp.isEmpty()) {
            return null;
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(timestamp, Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The instant of a Fabric8 {@code MicroTime} value, or null. */
    public static Instant of(ZonedDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A {@code metav1.Time}: truncated to seconds, {@code Z} suffix. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Now on {@code clock}, as the API stores it. */
    public static String now(Clock clock) {
        return format(clock.instant());
    }

    /** The later of two instants, either of which may be null. */
    public static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
