package io.kubesim.controllers.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.kubesim.controllers.testing.Fixtures;

class TemplateHashTest {

    @Test
    void safeEncodingMapsDigitsToTheConsonantAlphabet() {
        // '0'..'9' are 48..57; 48 % 27 = 21 -> '4', 49 -> '5', ... as rand.SafeEncodeString does.
        assertThat(TemplateHash.safeEncode("0123456789")).isEqualTo("456789bcdf");
    }

    @Test
    void fnvMatchesTheReferenceVectors() {
        assertThat(TemplateHash.fnv32a(0x811c9dc5, new byte[0])).isEqualTo(0x811c9dc5);
        assertThat(TemplateHash.fnv32a(0x811c9dc5, "a".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xe40c292c);
        assertThat(TemplateHash.fnv32a(0x811c9dc5, "foobar".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(0xbf9cf968);
    }

    @Test
    void theHashIsStableAndIndependentOfMapOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        String h = TemplateHash.compute(Fixtures.template(ab, "nginx"), null);
        assertThat(h).matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}");
        assertThat(TemplateHash.compute(Fixtures.template(ba, "nginx"), null)).isEqualTo(h);
        assertThat(TemplateHash.compute(Fixtures.template(ab, "nginx:2"), null)).isNotEqualTo(h);
    }

    @Test
    void theCollisionCountChangesTheHash() {
        PodTemplateSpec t = Fixtures.template(Map.of("app", "web"), "nginx");
        assertThat(TemplateHash.compute(t, 1)).isNotEqualTo(TemplateHash.compute(t, null))
                .isNotEqualTo(TemplateHash.compute(t, 2));
    }

    @Test
    void equalityIgnoresTheHashLabelAndEmptyFields() {
        PodTemplateSpec plain = Fixtures.template(Map.of("app", "web"), "nginx");
        PodTemplateSpec hashed = Fixtures.template(Map.of("app", "web", TemplateHash.POD_TEMPLATE_HASH, "abc"), "nginx");
        hashed.getSpec().setVolumes(List.of());
        assertThat(TemplateHash.equalIgnoringHash(plain, hashed)).isTrue();
        assertThat(TemplateHash.equalIgnoringHash(plain, Fixtures.template(Map.of("app", "web"), "nginx:2"))).isFalse();
        assertThat(TemplateHash.equalIgnoringHash(plain, Fixtures.template(Map.of("app", "db"), "nginx"))).isFalse();
    }
}
