package io.kubesim.server.table;

import static io.kubesim.server.table.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgesTest {

    @ParameterizedTest(name = "{0}s -> {1}")
    @CsvSource({
            "0, 0s",
            "59, 59s",
            "119, 119s",
            "120, 2m",
            "300, 5m",
            "330, 5m30s",
            "599, 9m59s",
            "600, 10m",
            "5400, 90m",
            "10799, 179m",
            "10800, 3h",
            "11400, 3h10m",
            "28800, 8h",
            "172799, 47h",
            "172800, 2d",
            "183600, 2d3h",
            "864000, 10d",
            "34560000, 400d",
            "63072000, 2y",
            "69120000, 2y70d",
            "259200000, 8y",
    })
    void humanizesLikeHumanDuration(long seconds, String expected) {
        assertThat(Ages.humanize(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @Test
    void toleratesUpToTwoSecondsOfClockSkew() {
        assertThat(Ages.humanize(Duration.ofMillis(-1500))).isEqualTo("0s");
        assertThat(Ages.humanize(Duration.ofMillis(-999))).isEqualTo("0s");
        assertThat(Ages.humanize(Duration.ofSeconds(-2))).isEqualTo("<invalid>");
        assertThat(Ages.humanize(Duration.ofDays(-3))).isEqualTo("<invalid>");
    }

    @Test
    void sinceTimestamps() {
        assertThat(Ages.since("2025-01-10T11:55:00Z", NOW)).isEqualTo("5m");
        assertThat(Ages.since("2025-01-10T13:55:00+02:00", NOW)).isEqualTo("5m");
        assertThat(Ages.since("2025-01-10T11:59:00.123456Z", NOW)).isEqualTo("59s");
        assertThat(Ages.since("2024-12-31T09:00:00Z", NOW)).isEqualTo("10d");
    }

    @Test
    void readsTheServersTimestampShapeAsTheGeneralParserDoes() {
        Random random = new Random(20250110);
        for (int i = 0; i < 2_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) * 2L);
            String serialized = DateTimeFormatter.ISO_INSTANT.format(t);

            assertThat(serialized).hasSize(20);
            assertThat(Ages.parse(serialized)).contains(OffsetDateTime.parse(serialized).toInstant());
        }
    }

    @Test
    void impossibleTimestampsInTheServersShapeAreUnknown() {
        assertThat(Ages.since("2025-02-30T12:00:00Z", NOW)).isEqualTo("<unknown>");
        assertThat(Ages.since("2025-01-10T24:00:00Z", NOW)).isEqualTo("<unknown>");
        assertThat(Ages.since("2025-01-10T11:60:00Z", NOW)).isEqualTo("<unknown>");
        assertThat(Ages.since("2025-01-10T1x:55:00Z", NOW)).isEqualTo("<unknown>");
        assertThat(Ages.since("2025-01-10 11:55:00Z", NOW)).isEqualTo("<unknown>");
        assertThat(Ages.since("+025-01-10T11:55:00Z", NOW)).isEqualTo("<unknown>");
    }

    @Test
    void missingZeroOrBrokenTimestampsAreUnknown() {
        assertThat(Ages.since((String) null, NOW)).isEqualTo("<unknown>");
        assertThat(Ages.since("", NOW)).isEqualTo("<unknown>");
        assertThat(Ages.since("0001-01-01T00:00:00Z", NOW)).isEqualTo("<unknown>");
        assertThat(Ages.since("yesterday", NOW)).isEqualTo("<unknown>");
    }

    @Test
    void futureTimestampsAreInvalid() {
        assertThat(Ages.since("2025-01-10T12:05:00Z", NOW)).isEqualTo("<invalid>");
        assertThat(Ages.since("2025-01-10T12:00:01Z", NOW)).isEqualTo("0s");
    }
}
