package io.kubesim.server.patch;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.server.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class JsonMergePatchTest {

    /** The examples of RFC 7386, appendix A. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":\"b\"}             | {\"a\":\"c\"}             | {\"a\":\"c\"}",
            "{\"a\":\"b\"}             | {\"b\":\"c\"}             | {\"a\":\"b\",\"b\":\"c\"}",
            "{\"a\":\"b\"}             | {\"a\":null}              | {}",
            "{\"a\":\"b\",\"b\":\"c\"} | {\"a\":null}              | {\"b\":\"c\"}",
            "{\"a\":[\"b\"]}           | {\"a\":\"c\"}             | {\"a\":\"c\"}",
            "{\"a\":\"c\"}             | {\"a\":[\"b\"]}           | {\"a\":[\"b\"]}",
            "{\"a\":{\"b\":\"c\"}}     | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
            "{\"a\":[{\"b\":\"c\"}]}   | {\"a\":[1]}               | {\"a\":[1]}",
            "[\"a\",\"b\"]             | [\"c\",\"d\"]             | [\"c\",\"d\"]",
            "{\"a\":\"b\"}             | [\"c\"]                   | [\"c\"]",
            "{\"a\":\"foo\"}           | null                      | null",
            "{\"a\":\"foo\"}           | \"bar\"                   | \"bar\"",
            "{\"e\":null}              | {\"a\":1}                 | {\"e\":null,\"a\":1}",
            "[1,2]                     | {\"a\":\"b\",\"c\":null}  | {\"a\":\"b\"}",
            "{}                        | {\"a\":{\"bb\":{\"ccc\":null}}} | {\"a\":{\"bb\":{}}}"})
    void rfcExamples(String target, String patch, String expected) {
        assertThat(JsonMergePatch.apply(Json.parse(target), Json.parse(patch))).isEqualTo(Json.parse(expected));
    }

    @Test
    void kubectlScaleAndLabelPatches() {
        JsonNode deployment = Json.parse("""
                {"metadata":{"name":"nginx","labels":{"app":"nginx","tier":"web"}},
                 "spec":{"replicas":3,
                         "template":{"spec":{"containers":[{"name":"nginx","ports":[{"containerPort":80}]}]}}}}
                """);
        JsonNode patched = JsonMergePatch.apply(deployment, Json.parse("""
                {"metadata":{"labels":{"tier":null,"env":"prod"}},"spec":{"replicas":6}}
                """));
        assertThat(patched).isEqualTo(Json.parse("""
                {"metadata":{"name":"nginx","labels":{"app":"nginx","env":"prod"}},
                 "spec":{"replicas":6,
                         "template":{"spec":{"containers":[{"name":"nginx","ports":[{"containerPort":80}]}]}}}}
                """));
    }

    @Test
    void neverModifiesItsInputs() {
        JsonNode target = Json.parse("{\"a\":{\"b\":1},\"l\":[1]}");
        JsonNode patch = Json.parse("{\"a\":{\"b\":null,\"c\":{\"d\":1}},\"l\":[2]}");
        String targetBefore = Json.string(target);
        String patchBefore = Json.string(patch);

        JsonNode result = JsonMergePatch.apply(target, patch);
        ((ObjectNode) result.get("a").get("c")).put("mutated", true);

        assertThat(Json.string(target)).isEqualTo(targetBefore);
        assertThat(Json.string(patch)).isEqualTo(patchBefore);
        assertThat(JsonMergePatch.apply(target, null)).isEqualTo(target);
    }
}
