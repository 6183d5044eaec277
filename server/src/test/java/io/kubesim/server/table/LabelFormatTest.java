package io.kubesim.server.table;

import static io.kubesim.server.table.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.MissingNode;

class LabelFormatTest {

    @Test
    void labelMapsAreSortedPairsOrNone() {
        assertThat(LabelFormat.formatLabels(yaml("{tier: web, app: nginx}"))).isEqualTo("app=nginx,tier=web");
        // Sorted as whole "k=v" strings, as Go does: '.' sorts before '='.
        assertThat(LabelFormat.formatLabels(yaml("{a: x, a.b: y}"))).isEqualTo("a.b=y,a=x");
        assertThat(LabelFormat.formatLabels(yaml("{}"))).isEqualTo("<none>");
        assertThat(LabelFormat.formatLabels(MissingNode.getInstance())).isEqualTo("<none>");
    }

    @Test
    void selectorsPrintRequirementsSortedByKey() {
        assertThat(LabelFormat.formatLabelSelector(yaml("""
                matchLabels: {tier: web, app: nginx}
                matchExpressions:
                - {key: env, operator: NotIn, values: [prod, dev]}
                - {key: canary, operator: Exists}
                - {key: zone, operator: In, values: [b, a, b]}
                - {key: example.com/legacy, operator: DoesNotExist}
                """))).isEqualTo("app=nginx,canary,env notin (dev,prod),!example.com/legacy,tier=web,zone in (a,b,b)");
    }

    @Test
    void emptyOrAbsentSelectorsSelectNothingToPrint() {
        assertThat(LabelFormat.formatLabelSelector(MissingNode.getInstance())).isEqualTo("<none>");
        assertThat(LabelFormat.formatLabelSelector(yaml("{}"))).isEqualTo("<none>");
        assertThat(LabelFormat.selectorString(yaml("{matchLabels: {}}"))).contains("");
    }

    @Test
    void invalidSelectorsAreErrors() {
        assertThat(LabelFormat.formatLabelSelector(yaml("{matchExpressions: [{key: a, operator: Equals}]}")))
                .isEqualTo("<error>");
        assertThat(LabelFormat.selectorString(yaml("{matchExpressions: [{key: a, operator: In, values: []}]}")))
                .isEmpty();
        assertThat(LabelFormat.selectorString(yaml("{matchExpressions: [{key: a, operator: Exists, values: [x]}]}")))
                .isEmpty();
        assertThat(LabelFormat.selectorString(yaml("{matchLabels: {\"bad key\": x}}"))).isEmpty();
        assertThat(LabelFormat.selectorString(yaml("{matchLabels: {app: \"-bad\"}}"))).isEmpty();
        assertThat(LabelFormat.selectorString(yaml("{matchLabels: {\"Example.com/app\": x}}"))).isEmpty();
        assertThat(LabelFormat.selectorString(yaml("{matchLabels: {\"example.com/app\": \"\"}}")))
                .contains("example.com/app=");
    }
}
