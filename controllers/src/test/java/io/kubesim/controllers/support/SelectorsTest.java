package io.kubesim.controllers.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;

class SelectorsTest {

    private static LabelSelector expr(String key, String op, String... values) {
        return new LabelSelectorBuilder().addNewMatchExpression().withKey(key).withOperator(op)
                .withValues(values.length == 0 ? null : List.of(values)).endMatchExpression().build();
    }

    static Stream<Arguments> cases() {
        Map<String, String> labels = Map.of("app", "web", "tier", "fe");
        return Stream.of(
                Arguments.of(new LabelSelectorBuilder().withMatchLabels(Map.of("app", "web")).build(), labels, true),
                Arguments.of(new LabelSelectorBuilder().withMatchLabels(Map.of("app", "db")).build(), labels, false),
                Arguments.of(expr("tier", "In", "fe", "be"), labels, true),
                Arguments.of(expr("tier", "In", "be"), labels, false),
                Arguments.of(expr("tier", "NotIn", "be"), labels, true),
                Arguments.of(expr("missing", "NotIn", "x"), labels, true),
                Arguments.of(expr("tier", "Exists"), labels, true),
                Arguments.of(expr("missing", "Exists"), labels, false),
                Arguments.of(expr("missing", "DoesNotExist"), labels, true),
                Arguments.of(new LabelSelector(), labels, true),
                Arguments.of(new LabelSelectorBuilder().withMatchLabels(Map.of("app", "web"))
                        .addNewMatchExpression().withKey("tier").withOperator("In").withValues("be")
                        .endMatchExpression().build(), labels, false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesLikeKubernetes(LabelSelector selector, Map<String, String> labels, boolean expected) {
        assertThat(Selectors.matches(selector, labels)).isEqualTo(expected);
    }

    @Test
    void aNullSelectorMatchesNothingAndAnEmptyOneEverything() {
        assertThat(Selectors.matches(null, Map.of())).isFalse();
        assertThat(Selectors.isEmpty(new LabelSelector())).isTrue();
        assertThat(Selectors.isEmpty(new LabelSelectorBuilder().withMatchLabels(Map.of("a", "b")).build())).isFalse();
    }
}
