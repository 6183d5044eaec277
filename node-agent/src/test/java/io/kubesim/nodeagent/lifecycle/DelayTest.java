package io.kubesim.nodeagent.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class DelayTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static JsonNode pod(String annotations, String extraMeta) {
        return YAML.readTree("metadata:\n  annotations: {" + annotations + "}\n" + extraMeta);
    }

    @Test
    void jitterStaysWithinItsBound() {
        Delay d = new Delay(Duration.ofMillis(200), Duration.ofMillis(300), null, null, null);
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            assertThat(d.resolve(pod("", ""), r, 0)).isBetween(Duration.ofMillis(200), Duration.ofMillis(500));
        }
    }

    @Test
    void annotationsOverrideInOrderAndTheCapWins() {
        Delay d = new Delay(Duration.ofSeconds(1), Duration.ZERO, "kubesim.io/stop-time",
                ObjectPath.parse("/metadata/deletionGracePeriodSeconds"), null);
        Random r = new Random(1);
        assertThat(d.resolve(pod("", ""), r, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.resolve(pod("kubesim.io/stage-delay: 3s", ""), r, 0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(d.resolve(pod("kubesim.io/stage-delay: 3s, kubesim.io/stop-time: 250ms", ""), r, 0))
                .isEqualTo(Duration.ofMillis(250));
        assertThat(d.resolve(pod("kubesim.io/stop-time: soon", ""), r, 0)).as("invalid values are ignored")
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(d.resolve(pod("kubesim.io/stop-time: 10s", "  deletionGracePeriodSeconds: 2"), r, 0))
                .isEqualTo(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @CsvSource({"0,0s", "412ms,412ms", "1.5s,1.5s", "90s,1m30s", "1h2m3.5s,1h2m3.5s", "2m,2m0s", "1500us,1.5ms"})
    void goDurationsRoundTrip(String text, String formatted) {
        assertThat(GoDuration.format(GoDuration.parse(text))).isEqualTo(formatted);
    }

    @Test
    void goDurationsRejectGarbage() {
        assertThatThrownBy(() -> GoDuration.parse("5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoDuration.parse("5 s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoDuration.parse("-1s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoDuration.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
