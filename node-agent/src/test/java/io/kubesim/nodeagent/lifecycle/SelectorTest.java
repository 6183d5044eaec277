package io.kubesim.nodeagent.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class SelectorTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonNode POD = YAML.readTree("""
            metadata:
              name: web
              annotations:
                kubesim.io/exit-code: "3"
              deletionGracePeriodSeconds: 0
            spec:
              containers:
              - {name: a, image: "nginx:1.15"}
              - {name: b, image: "busybox:nonexistent"}
            status:
              phase: Running
              podIP: null
              conditions:
              - {type: Ready, status: "False"}
              - {type: Initialized, status: "True"}
              containerStatuses:
              - {name: a, state: {running: {startedAt: "2025-01-01T00:00:00Z"}}}
              - {name: b, state: {waiting: {reason: ErrImagePull}}}
            """);

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "/status/phase | In | Running | true",
        "/status/phase | In | Pending;Succeeded | false",
        "/status/phase | NotIn | Pending | true",
        "/status/nothing | NotIn | x | true",
        "/status/nothing | In | x | false",
        "/status/phase | Exists | | true",
        "/status/podIP | Exists | | false",
        "/status/podIP | DoesNotExist | | true",
        "/status/containerStatuses/*/state/waiting/reason | In | ErrImagePull | true",
        "/status/containerStatuses/*/state/waiting/reason | NotIn | ErrImagePull | false",
        "/status/containerStatuses/*/state/running | Exists | | true",
        "/status/containerStatuses/0/state/waiting | Exists | | false",
        "/status/containerStatuses/1/state/waiting | Exists | | true",
        "/status/conditions[type=Ready]/status | In | False | true",
        "/status/conditions[type=Initialized]/status | In | False | false",
        "/status/conditions[type=Scheduled] | DoesNotExist | | true",
        "/metadata/annotations/kubesim.io~1exit-code | Matches | [1-9][0-9]* | true",
        "/metadata/annotations/kubesim.io~1exit-code | NotMatches | [1-9][0-9]* | false",
        "/metadata/annotations/kubesim.io~1missing | NotMatches | .* | true",
        "/spec/containers/*/image | Matches | .*:nonexistent | true",
        "/spec/containers/*/image | Matches | nginx | false",
        "/spec/containers/*/image | NotMatches | .*:nonexistent | false",
        "/metadata/deletionGracePeriodSeconds | In | 0 | true",
    })
    void operatorsOverPaths(String path, String operator, String values, boolean expected) {
        List<String> vs = values == null ? List.of() : List.of(values.split(";"));
        Selector.Expression e = Selector.Expression.of(path, Selector.Operator.of(operator), vs);
        assertThat(e.matches(POD)).isEqualTo(expected);
    }

    @Test
    void allExpressionsMustHold() {
        Selector s = Selector.fromYaml(YAML.readTree("""
                - {key: /status/phase, operator: In, values: [Running]}
                - {key: /metadata/deletionTimestamp, operator: DoesNotExist}
                """));
        assertThat(s.matches(POD)).isTrue();
        Selector t = Selector.fromYaml(YAML.readTree("""
                - {key: /status/phase, operator: In, values: [Running]}
                - {key: /metadata/name, operator: In, values: [db]}
                """));
        assertThat(t.matches(POD)).isFalse();
        assertThat(Selector.fromYaml(null).matches(POD)).isTrue();
    }

    @Test
    void malformedExpressionsAreRejectedWithTheirKey() {
        assertThatThrownBy(() -> Selector.fromYaml(YAML.readTree("- {key: /a, operator: Like, values: [x]}")))
                .isInstanceOf(StageException.class).hasMessageContaining("/a").hasMessageContaining("Like");
        assertThatThrownBy(() -> Selector.fromYaml(YAML.readTree("- {key: /a, operator: In}")))
                .hasMessageContaining("needs values");
        assertThatThrownBy(() -> Selector.fromYaml(YAML.readTree("- {key: /a, operator: Exists, values: [x]}")))
                .hasMessageContaining("takes no values");
        assertThatThrownBy(() -> Selector.fromYaml(YAML.readTree("- {key: a/b, operator: Exists}")))
                .hasMessageContaining("must start with /");
        assertThatThrownBy(() -> Selector.fromYaml(YAML.readTree("- {key: '/a[b]', operator: Exists}")))
                .hasMessageContaining("[key=value]");
    }

    @Test
    void pathsSelectEveryReachedValueAndTreatNullAsAbsent() {
        assertThat(ObjectPath.parse("/spec/containers/*/name").select(POD)).extracting(JsonNode::asString)
                .containsExactly("a", "b");
        assertThat(ObjectPath.parse("/status/podIP").select(POD)).isEmpty();
        assertThat(ObjectPath.parse("").select(POD)).containsExactly(POD);
        assertThat(ObjectPath.parse("/status/conditions[type=Ready]").select(POD)).hasSize(1);
    }
}
