package io.kubesim.nodeagent.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class StatusTemplateTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** Fixed tokens: pod scope plus {@code item.<field>} of the element in a $forEach. */
    private record FixedTokens(Map<String, JsonNode> values, JsonNode element) implements Tokens {

        @Override
        public JsonNode value(String name) {
            if (element != null && name.startsWith("item.")) {
                return element.get(name.substring(5));
            }
            return values.get(name);
        }

        @Override
        public Tokens forElement(String list, JsonNode e, int index) {
            return new FixedTokens(values, e);
        }
    }

    private static final Tokens TOKENS = new FixedTokens(Map.of(
            "now", JsonNodeFactory.instance.stringNode("2025-01-01T00:00:00Z"),
            "exitCode", JsonNodeFactory.instance.numberNode(3)), null);

    private static final JsonNode POD = YAML.readTree("""
            spec:
              containers:
              - {name: web, image: nginx}
              - {name: api, image: "app:nonexistent"}
            """);

    @Test
    void rendersTokensWithTypesAndRepeatsPerContainer() {
        StatusTemplate t = StatusTemplate.compile(YAML.readTree("""
                phase: Running
                startTime: ${now}
                message: "started at ${now} with ${exitCode}"
                exitCode: ${exitCode}
                containerStatuses:
                - $forEach: /spec/containers
                  $sortBy: name
                  name: ${item.name}
                  image: ${item.image}
                - name: extra
                """));
        ObjectNode out = t.render(POD, TOKENS);
        assertThat(out.get("startTime").asString()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(out.get("message").asString()).isEqualTo("started at 2025-01-01T00:00:00Z with 3");
        assertThat(out.get("exitCode").isNumber()).isTrue();
        assertThat(out.get("containerStatuses").findValuesAsString("name")).containsExactly("api", "web", "extra");
    }

    @Test
    void whereKeepsOnlyMatchingElements() {
        StatusTemplate t = StatusTemplate.compile(YAML.readTree("""
                containerStatuses:
                - $forEach: /spec/containers
                  $where:
                  - {key: /image, operator: Matches, values: [".*:nonexistent"]}
                  name: ${item.name}
                """));
        assertThat(t.render(POD, TOKENS).get("containerStatuses").findValuesAsString("name")).containsExactly("api");
    }

    @Test
    void rejectsMisplacedDirectivesAndUnknownTokens() {
        assertThatThrownBy(() -> StatusTemplate.compile(YAML.readTree("a: {$forEach: /spec/containers}")))
                .isInstanceOf(StageException.class).hasMessageContaining("$forEach");
        assertThatThrownBy(() -> StatusTemplate.compile(YAML.readTree("a: {$when: x}")))
                .hasMessageContaining("unknown template directive $when");
        StatusTemplate t = StatusTemplate.compile(YAML.readTree("phase: ${phaze}"));
        assertThatThrownBy(() -> t.render(POD, TOKENS)).isInstanceOf(StageException.class)
                .hasMessage("unknown token ${phaze}");
    }

    @Test
    void mergeKeepsTransitionTimesOfUnchangedConditionsAndReplacesContainerState() {
        ObjectNode current = (ObjectNode) YAML.readTree("""
                phase: Pending
                podIP: 10.0.0.1
                conditions:
                - {type: PodScheduled, status: "True", lastTransitionTime: "2024-12-31T00:00:00Z"}
                - {type: Ready, status: "False", reason: ContainersNotReady, lastTransitionTime: "2024-12-31T00:00:00Z"}
                containerStatuses:
                - {name: web, ready: false, state: {waiting: {reason: ContainerCreating}}}
                """);
        ObjectNode patch = (ObjectNode) YAML.readTree("""
                phase: Running
                podIP: null
                conditions:
                - {type: Ready, status: "True", reason: null, lastTransitionTime: "2025-01-01T00:00:00Z"}
                - {type: PodScheduled, status: "True", lastTransitionTime: "2025-01-01T00:00:00Z"}
                - {type: ContainersReady, status: "True", lastTransitionTime: "2025-01-01T00:00:00Z"}
                containerStatuses:
                - {name: web, ready: true, state: {running: {startedAt: "2025-01-01T00:00:00Z"}}}
                """);
        ObjectNode merged = StatusMerge.merge(current, patch);
        assertThat(merged.get("phase").asString()).isEqualTo("Running");
        assertThat(merged.has("podIP")).isFalse();
        JsonNode conditions = merged.get("conditions");
        assertThat(conditions.findValuesAsString("type")).containsExactly("Ready", "PodScheduled", "ContainersReady");
        assertThat(conditions.get(0).has("reason")).isFalse();
        assertThat(conditions.get(0).get("lastTransitionTime").asString()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(conditions.get(1).get("lastTransitionTime").asString()).isEqualTo("2024-12-31T00:00:00Z");
        JsonNode state = merged.get("containerStatuses").get(0).get("state");
        assertThat(state.has("waiting")).isFalse();
        assertThat(state.has("running")).isTrue();

        ObjectNode diff = MergePatch.diff(current, merged);
        assertThat(diff.get("podIP").isNull()).isTrue();
        assertThat(diff.get("phase").asString()).isEqualTo("Running");
        assertThat(diff.get("conditions")).as("a merge patch carries lists whole").isEqualTo(conditions);
        assertThat(diff.has("containerStatuses")).isTrue();
        assertThat(MergePatch.diff(merged, merged).isEmpty()).isTrue();
    }

    @Test
    void partialKeyedListsKeepTheExistingOrder() {
        ObjectNode current = (ObjectNode) YAML.readTree("""
                conditions:
                - {type: A, status: "True"}
                - {type: B, status: "True"}
                """);
        ObjectNode merged = StatusMerge.merge(current, (ObjectNode) YAML.readTree("""
                conditions:
                - {type: C, status: "True"}
                - {type: B, status: "False"}
                """));
        assertThat(merged.get("conditions").findValuesAsString("type")).containsExactly("A", "B", "C");
        assertThat(merged.get("conditions").get(1).get("status").asString()).isEqualTo("False");
    }
}
