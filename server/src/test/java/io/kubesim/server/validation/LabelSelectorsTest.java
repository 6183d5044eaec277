package io.kubesim.server.validation;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class LabelSelectorsTest {

    @Test
    void matchesLabelsAndExpressions() {
        JsonNode sel = yaml("""
                matchLabels: {app: web}
                matchExpressions:
                - {key: tier, operator: In, values: [front, back]}
                - {key: canary, operator: DoesNotExist}
                """);
        assertThat(LabelSelectors.matches(sel, Map.of("app", "web", "tier", "front"))).isTrue();
        assertThat(LabelSelectors.matches(sel, Map.of("app", "web", "tier", "front", "canary", "1"))).isFalse();
        assertThat(LabelSelectors.matches(sel, Map.of("app", "web"))).isFalse();
        assertThat(LabelSelectors.matches(null, Map.of())).isFalse();
        assertThat(LabelSelectors.matches(yaml("{}"), Map.of())).isTrue();
        assertThat(LabelSelectors.isEmpty(yaml("{}"))).isTrue();
    }

    @Test
    void validatesRequirements() {
        JsonNode sel = yaml("""
                matchExpressions:
                - {key: tier, operator: In}
                - {key: x, operator: Exists, values: [a]}
                - {key: y, operator: Near, values: [a]}
                """);
        assertThat(LabelSelectors.isConvertible(sel)).isFalse();
        assertThat(messages(LabelValidation.validateLabelSelector(sel, new FieldPath("spec.selector")))).containsExactly(
                "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
                "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                "spec.selector.matchExpressions[2].operator: Invalid value: \"Near\": not a valid selector operator");
    }
}
