package io.kubesim.server.table;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Human-readable ages as kube-apiserver prints them in Tables: the rules of apimachinery's
 * {@code duration.HumanDuration} (about two significant figures, e.g. {@code 59s}, {@code 5m30s},
 * {@code 90m}, {@code 3h}, {@code 2d3h}, {@code 400d}, {@code 2y10d}) and of the printers'
 * {@code translateTimestampSince} ({@code <unknown>} when there is no timestamp).
 *
 * <p>Stateless and thread-safe.
 */
public final class Ages {

    /** Printed for an absent (Go zero) timestamp. */
    public static final String UNKNOWN = "<unknown>";
    /** Printed for a timestamp more than a second in the future. */
    public static final String INVALID = "<invalid>";

    /** Go's zero {@code time.Time}, which a server may serialize instead of omitting the field. */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    /** {@code yyyy-MM-ddTHH:mm:ssZ}. */
    private static final int UTC_SECONDS_LENGTH = 20;
    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long YEAR_DAYS = 365;

    private Ages() {
    }

    /**
     * {@code duration.HumanDuration}: negative durations down to (but excluding) -2s count as
     * {@code 0s} to absorb clock skew between machines; anything further in the future is
     * {@code <invalid>}.
     */
    public static String humanize(Duration d) {
        long seconds = truncatedSeconds(d);
        if (seconds < -1) {
            return INVALID;
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 2 * MINUTE) {
            return seconds + "s";
        }
        long minutes = seconds / MINUTE;
        if (minutes < 10) {
            long s = seconds % MINUTE;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        }
        if (minutes < 3 * 60) {
            return minutes + "m";
        }
        long hours = seconds / HOUR;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        long days = seconds / DAY;
        if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? days + "d" : days + "d" + h + "h";
        }
        if (days < 2 * YEAR_DAYS) {
            return days + "d";
        }
        long years = days / YEAR_DAYS;
        if (days < 8 * YEAR_DAYS) {
            long dy = days % YEAR_DAYS;
            return dy == 0 ? years + "y" : years + "y" + dy + "d";
        }
        return years + "y";
    }

    /**
     * The age of an RFC 3339 timestamp ({@code metav1.Time} or {@code MicroTime}) at {@code now};
     * {@code <unknown>} when it is absent, empty, Go's zero time or unparseable.
     */
    public static String since(String timestamp, Instant now) {
        return parse(timestamp).map(t -> since(t, now)).orElse(UNKNOWN);
    }

    /** The age of {@code time} at {@code now}; {@code <unknown>} when {@code time} is null. */
    public static String since(Instant time, Instant now) {
        return time == null ? UNKNOWN : humanize(Duration.between(time, now));
    }

    /** Parses an RFC 3339 timestamp; empty for null, blank, unparseable or Go's zero time. */
    static Optional<Instant> parse(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return Optional.empty();
        }
        try {
            Instant t = utcSeconds(timestamp);
            if (t == null) {
                t = OffsetDateTime.parse(timestamp).toInstant();
            }
            return t.equals(GO_ZERO_TIME) ? Optional.empty() : Optional.of(t);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The shape {@code metav1.Time} always serializes to, {@code 2006-01-02T15:04:05Z}, read without
     * the general parser (which costs more than the rest of a pod's Table row); null for any other
     * shape. Out-of-range fields throw {@link DateTimeException}, as the general parser's do.
     */
    private static Instant utcSeconds(String s) {
        if (s.length() != UTC_SECONDS_LENGTH || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    /** The decimal number in {@code s[from, from + count)}, or -1 if a character is not an ASCII digit. */
    private static int digits(String s, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Go's {@code int(d.Seconds())}: truncation toward zero, unlike {@link Duration#getSeconds()}. */
    private static long truncatedSeconds(Duration d) {
        long s = d.getSeconds();
        return s < 0 && d.getNano() > 0 ? s + 1 : s;
    }
}
