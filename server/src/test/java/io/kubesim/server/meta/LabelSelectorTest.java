package io.kubesim.server.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.json.Json;
import io.kubesim.server.meta.LabelRequirement.Operator;

class LabelSelectorTest {

    private static final String NAME_RULE = "must consist of alphanumeric characters, '-', '_' or '.', and must "
            + "start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex "
            + "used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    private static final String VALUE_RULE = "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',"
            + "  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?"
            + "[A-Za-z0-9])?')";

    private static void assertBadRequest(Runnable action, String message) {
        assertThatThrownBy(action::run)
                .isInstanceOf(ApiException.class)
                .hasMessage(message)
                .extracting(e -> ((ApiException) e).reason()).isEqualTo(Reason.BadRequest);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "app=nginx                         | app=nginx",
            "app==nginx                        | app==nginx",
            "tier!=cache                       | tier!=cache",
            "' env  in  ( prod , staging ) '   | env in (prod,staging)",
            "env notin (b,a,b)                 | env notin (a,b)",
            "canary                            | canary",
            "'! canary'                        | !canary",
            "z=1,a=2                           | a=2,z=1",
            "replicas>3                        | replicas>3",
            "replicas < 3                      | replicas<3",
            "x in (in),in=notin                | in=notin,x in (in)",
            "k=                                | k=",
            "'x in ()'                         | x in ()",
            "'x in (a,,b)'                     | x in (,a,b)",
            "'x in (a,)'                       | x in (,a)",
            "example.com/app=web,tier          | example.com/app=web,tier",
    })
    void parsesAndRendersCanonically(String selector, String canonical) {
        assertThat(LabelSelector.parse(selector)).hasToString(canonical);
    }

    @Test
    void matchesEachOperator() {
        Map<String, String> labels = Map.of("app", "web", "tier", "front", "replicas", "5", "empty", "");

        assertThat(LabelSelector.parse("app=web,tier in (front,back)").matches(labels)).isTrue();
        assertThat(LabelSelector.parse("app=db").matches(labels)).isFalse();
        assertThat(LabelSelector.parse("missing!=x,missing notin (a)").matches(labels)).isTrue();
        assertThat(LabelSelector.parse("tier notin (front)").matches(labels)).isFalse();
        assertThat(LabelSelector.parse("app,!canary").matches(labels)).isTrue();
        assertThat(LabelSelector.parse("canary").matches(labels)).isFalse();
        assertThat(LabelSelector.parse("!app").matches(labels)).isFalse();
        assertThat(LabelSelector.parse("replicas>4,replicas<6").matches(labels)).isTrue();
        assertThat(LabelSelector.parse("replicas>5").matches(labels)).isFalse();
        assertThat(LabelSelector.parse("app>1").matches(labels)).as("non-numeric label").isFalse();
        assertThat(LabelSelector.parse("missing<1").matches(labels)).isFalse();
        assertThat(LabelSelector.parse("empty=").matches(labels)).isTrue();
        assertThat(LabelSelector.parse("empty in ()").matches(labels)).isTrue();
    }

    @Test
    void blankSelectsEverything() {
        assertThat(LabelSelector.parse(null).isEverything()).isTrue();
        assertThat(LabelSelector.parse(" \t").isEverything()).isTrue();
        assertThat(LabelSelector.parse("").matches(Map.of())).isTrue();
        assertThat(LabelSelector.parse("").toString()).isEmpty();
        assertThat(LabelSelector.parse("a=b").isEverything()).isFalse();
    }

    @Test
    void syntaxErrorsUseTheApiserverWording() {
        assertBadRequest(() -> LabelSelector.parse("a in"), "unable to parse requirement: found '' expected: '('");
        assertBadRequest(() -> LabelSelector.parse("a=b c"), "found 'c', expected: ',' or 'end of string'");
        assertBadRequest(() -> LabelSelector.parse("a=b,"), "found '', expected: identifier after ','");
        assertBadRequest(() -> LabelSelector.parse(",a"), "found ',', expected: !, identifier, or 'end of string'");
        assertBadRequest(() -> LabelSelector.parse("a b"),
                "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt");
        assertBadRequest(() -> LabelSelector.parse("a in (b"),
                "unable to parse requirement: found '', expected: ',' or ')'");
        assertBadRequest(() -> LabelSelector.parse("a in (=)"),
                "unable to parse requirement: found '=', expected: ',', ')' or identifier");
        assertBadRequest(() -> LabelSelector.parse("a=(b)"),
                "unable to parse requirement: found '(', expected: identifier");
        assertBadRequest(() -> LabelSelector.parse("!=a"), "found '!=', expected: !, identifier, or 'end of string'");
        assertBadRequest(() -> LabelSelector.parse("!!a"),
                "unable to parse requirement: found '!', expected: identifier");
        assertBadRequest(() -> LabelSelector.parse("!a=b"), "found '=', expected: ',' or 'end of string'");
    }

    @Test
    void invalidKeysAndValuesUseTheApiserverWording() {
        assertBadRequest(() -> LabelSelector.parse("-x=1"),
                "unable to parse requirement: <nil>: Invalid value: \"-x\": name part " + NAME_RULE);
        assertBadRequest(() -> LabelSelector.parse("app=-x"),
                "unable to parse requirement: values[0][app]: Invalid value: \"-x\": " + VALUE_RULE);
        assertBadRequest(() -> LabelSelector.parse("x>abc"), "unable to parse requirement: values[0]: Invalid "
                + "value: \"abc\": for 'Gt', 'Lt' operators, the value must be an integer");
        assertBadRequest(() -> LabelSelector.parse("k" + "x".repeat(63) + "=1"), "unable to parse requirement: "
                + "<nil>: Invalid value: \"k" + "x".repeat(63) + "\": name part must be no more than 63 characters");
        assertBadRequest(() -> LabelSelector.parse("a/b/c=1"), "unable to parse requirement: <nil>: Invalid value: "
                + "\"a/b/c\": a qualified name " + NAME_RULE + " with an optional DNS subdomain prefix and '/' "
                + "(e.g. 'example.com/MyName')");
        assertBadRequest(() -> LabelSelector.parse("Example.com/x"), "unable to parse requirement: <nil>: Invalid "
                + "value: \"Example.com/x\": prefix part a lowercase RFC 1123 subdomain must consist of lower case "
                + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
                + "(e.g. 'example.com', regex used for validation is "
                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        assertBadRequest(() -> LabelSelector.parse("/x"),
                "unable to parse requirement: <nil>: Invalid value: \"/x\": prefix part must be non-empty");
    }

    @Test
    void fromJsonCombinesMatchLabelsAndExpressions() {
        LabelSelector selector = LabelSelector.fromJson(Json.parse("""
                {"matchLabels":{"app":"web"},
                 "matchExpressions":[{"key":"tier","operator":"In","values":["b","a"]},
                                     {"key":"canary","operator":"DoesNotExist"},
                                     {"key":"track","operator":"NotIn","values":["beta"]},
                                     {"key":"zone","operator":"Exists"}]}"""));

        assertThat(selector).hasToString("app=web,!canary,tier in (a,b),track notin (beta),zone");
        assertThat(selector.matches(Map.of("app", "web", "tier", "a", "zone", "z1"))).isTrue();
        assertThat(selector.matches(Map.of("app", "web", "tier", "a", "zone", "z1", "track", "beta"))).isFalse();
        assertThat(selector.requirements()).extracting(LabelRequirement::key)
                .containsExactly("app", "canary", "tier", "track", "zone");
        assertThat(selector.requirements().get(2).values()).as("values keep their order").containsExactly("b", "a");
    }

    @Test
    void fromJsonAbsentIsNothingAndEmptyIsEverything() {
        assertThat(LabelSelector.fromJson(null).isNothing()).isTrue();
        assertThat(LabelSelector.fromJson(Json.parse("null")).matches(Map.of())).isFalse();
        assertThat(LabelSelector.fromJson(Json.object().path("selector")).isNothing()).isTrue();
        assertThat(LabelSelector.fromJson(Json.parse("{}")).isEverything()).isTrue();
        assertThat(LabelSelector.fromJson(Json.parse("{\"matchLabels\":{},\"matchExpressions\":[]}")).isEverything())
                .isTrue();
    }

    @Test
    void fromJsonErrors() {
        assertBadRequest(() -> LabelSelector.fromJson(Json.parse(
                "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"Gt\",\"values\":[\"1\"]}]}")),
                "\"Gt\" is not a valid label selector operator");
        assertBadRequest(() -> LabelSelector.fromJson(Json.parse(
                "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"In\",\"values\":[]}]}")),
                "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty");
        assertBadRequest(() -> LabelSelector.fromJson(Json.parse(
                "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"Exists\",\"values\":[\"x\"]}]}")),
                "values: Invalid value: [\"x\"]: values set must be empty for exists and does not exist");
        assertBadRequest(() -> LabelSelector.fromJson(Json.parse(
                "{\"matchExpressions\":[{\"key\":\"-k\",\"operator\":\"In\",\"values\":[\"-v\"]}]}")),
                "[key: Invalid value: \"-k\": name part " + NAME_RULE + ", values[0][-k]: Invalid value: \"-v\": "
                        + VALUE_RULE + "]");
        assertBadRequest(() -> LabelSelector.fromJson(Json.parse("{\"matchLabels\":{\"app\":\"a b\"}}")),
                "values[0][app]: Invalid value: \"a b\": " + VALUE_RULE);
        assertBadRequest(() -> LabelSelector.fromJson(Json.parse("{\"matchLabels\":{\"app\":1}}")),
                "matchLabels values must be strings");
    }

    @Test
    void exactMatchFollowsTheFirstRequirementOnTheKey() {
        assertThat(LabelSelector.parse("app=web,tier=x").exactMatch("app")).contains("web");
        assertThat(LabelSelector.parse("app==web").exactMatch("app")).contains("web");
        assertThat(LabelSelector.parse("app in (web)").exactMatch("app")).contains("web");
        assertThat(LabelSelector.parse("app in (a,b)").exactMatch("app")).isEmpty();
        assertThat(LabelSelector.parse("app!=web").exactMatch("app")).isEmpty();
        assertThat(LabelSelector.parse("tier=x").exactMatch("app")).isEmpty();
    }

    @Test
    void fromSetIsEqualityOnEveryEntry() {
        LabelSelector selector = LabelSelector.fromSet(Map.of("tier", "front", "app", "web"));

        assertThat(selector).hasToString("app=web,tier=front");
        assertThat(selector.matches(Map.of("app", "web", "tier", "front", "x", "y"))).isTrue();
        assertThat(selector.matches(Map.of("app", "web"))).isFalse();
        assertThat(LabelSelector.fromSet(Map.of()).isEverything()).isTrue();
        assertThat(selector).isEqualTo(LabelSelector.parse("tier=front,app=web"));
    }

    @Test
    void requirementsCanBeBuiltDirectly() {
        LabelRequirement requirement = LabelRequirement.of("app", Operator.IN, List.of("b", "a"));

        assertThat(requirement).hasToString("app in (a,b)");
        assertThat(requirement.matches(Map.of("app", "a"))).isTrue();
        assertBadRequest(() -> LabelRequirement.of("app", Operator.EQUALS, List.of("a", "b")),
                "values: Invalid value: [\"a\",\"b\"]: exact-match compatibility requires one single value");
    }
}
