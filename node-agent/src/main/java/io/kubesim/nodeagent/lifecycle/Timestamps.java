package io.kubesim.nodeagent.lifecycle;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Kubernetes time formats. Stateless. */
public final class Timestamps {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** {@code metav1.Time}: RFC 3339 with second precision, {@code 2025-01-01T00:00:00Z}. */
    public static String seconds(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code metav1.MicroTime}: six fractional digits, {@code 2025-01-01T00:00:00.123456Z}. */
    public static String micros(Instant t) {
        return MICROS.format(t);
    }
}
