package io.kubesim.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantityTest {

    @Test
    void printsUpstreamsCanonicalForm() {
        assertThat(Quantity.parse("0.5").canonical()).isEqualTo("500m");
        assertThat(Quantity.parse("1000m").canonical()).isEqualTo("1");
        assertThat(Quantity.parse("1.5Gi").canonical()).isEqualTo("1536Mi");
        assertThat(Quantity.parse("128974848").canonical()).isEqualTo("128974848");
        assertThat(Quantity.parse("129e6").canonical()).isEqualTo("129e6");
        assertThat(Quantity.parse("100Mi").canonical()).isEqualTo("100Mi");
        assertThat(Quantity.parse("512").canonical()).isEqualTo("512");
        assertThat(Quantity.parse("1k").canonical()).isEqualTo("1k");
        assertThat(Quantity.parse("0").canonical()).isEqualTo("0");
        assertThat(Quantity.parse("-1").canonical()).isEqualTo("-1");
    }

    @Test
    void roundsUpBelowNano() {
        assertThat(Quantity.parse("0.0000000001").canonical()).isEqualTo("1n");
    }

    @Test
    void comparesByValueAcrossFormats() {
        assertThat(Quantity.parse("1Gi").compareTo(Quantity.parse("1073741824"))).isZero();
        assertThat(Quantity.parse("250m").compareTo(Quantity.parse("0.5"))).isNegative();
        assertThat(Quantity.parse("1").plus(Quantity.parse("500m")).canonical()).isEqualTo("1500m");
    }

    @Test
    void rejectsMalformedInput() {
        assertThatThrownBy(() -> Quantity.parse("abc")).hasMessage(Quantity.FORMAT_ERROR);
        assertThatThrownBy(() -> Quantity.parse("1Qi")).hasMessage(Quantity.FORMAT_ERROR);
        assertThatThrownBy(() -> Quantity.parse("1Mk")).hasMessage(Quantity.SUFFIX_ERROR);
        assertThat(Quantity.problem("10Mi")).isNull();
    }
}
