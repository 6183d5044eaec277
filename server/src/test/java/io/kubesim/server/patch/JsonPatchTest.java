package io.kubesim.server.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

class JsonPatchTest {

    private static final JsonNode DEPLOYMENT = Json.parse("""
            {"metadata":{"name":"nginx","annotations":{"deployment.kubernetes.io/revision":"2","a~b":"x"}},
             "spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}
            """);

    @Test
    void appliesEveryOperationInOrder() {
        JsonNode patched = JsonPatch.apply(DEPLOYMENT, Json.parse("""
                [{"op":"test","path":"/spec/replicas","value":3},
                 {"op":"replace","path":"/spec/replicas","value":5},
                 {"op":"add","path":"/metadata/labels","value":{"app":"nginx"}},
                 {"op":"add","path":"/spec/template/spec/containers/-","value":{"name":"sidecar","image":"busybox"}},
                 {"op":"copy","from":"/metadata/labels","path":"/spec/template/metadata"},
                 {"op":"move","from":"/spec/template/spec/containers/0/image",
                  "path":"/spec/template/spec/containers/1/image"},
                 {"op":"remove","path":"/metadata/annotations/deployment.kubernetes.io~1revision"},
                 {"op":"replace","path":"/metadata/annotations/a~0b","value":"y"}]
                """));
        assertThat(patched).isEqualTo(Json.parse("""
                {"metadata":{"name":"nginx","annotations":{"a~b":"y"},"labels":{"app":"nginx"}},
                 "spec":{"replicas":5,"template":{"spec":{"containers":[{"name":"nginx"},
                                                                        {"name":"sidecar","image":"nginx:1.26"}]},
                                                  "metadata":{"app":"nginx"}}}}
                """));
        assertThat(DEPLOYMENT.get("spec").get("replicas").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":4}]",
            "[{\"op\":\"replace\",\"path\":\"/spec/paused\",\"value\":true}]",
            "[{\"op\":\"remove\",\"path\":\"/spec/paused\"}]",
            "[{\"op\":\"add\",\"path\":\"/spec/nope/x\",\"value\":1}]",
            "[{\"op\":\"add\",\"path\":\"spec\",\"value\":1}]",
            "[{\"op\":\"add\",\"path\":\"/spec/template/spec/containers/7\",\"value\":{}}]",
            "[{\"op\":\"add\",\"path\":\"/spec/template/spec/containers/x\",\"value\":{}}]",
            "[{\"op\":\"move\",\"from\":\"/nope\",\"path\":\"/x\"}]",
            "[{\"op\":\"frobnicate\",\"path\":\"/x\"}]",
            "[{\"path\":\"/x\"}]",
            "[{\"op\":\"add\",\"path\":\"/x\"}]",
            "[null]"})
    void failuresWhileApplyingAreInvalidWithTheGenericMessage(String patch) {
        assertThatThrownBy(() -> JsonPatch.apply(DEPLOYMENT, Json.parse(patch)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.Invalid);
                    assertThat(e.getMessage())
                            .isEqualTo("the server rejected our request due to an error in our request");
                });
    }

    @Test
    void aBodyThatIsNotAListOfOperationsIsABadRequest() {
        assertThatThrownBy(() -> JsonPatch.apply(DEPLOYMENT, Json.parse("{\"op\":\"add\"}")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BadRequest);
                    assertThat(e.getMessage())
                            .isEqualTo("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
                });
        assertThatThrownBy(() -> JsonPatch.apply(DEPLOYMENT, Json.parse("[\"add\"]")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("json: cannot unmarshal string into Go value of type jsonpatch.Operation"));
    }

    @Test
    void tooManyOperations() {
        ArrayNode ops = Json.nodes().arrayNode();
        for (int i = 0; i <= JsonPatch.MAX_OPERATIONS; i++) {
            ops.addObject().put("op", "test").put("path", "/spec/replicas").put("value", 3);
        }
        assertThatThrownBy(() -> JsonPatch.apply(DEPLOYMENT, ops))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.RequestEntityTooLarge);
                    assertThat(e.getMessage())
                            .isEqualTo("The allowed maximum operations in a JSON patch is 10000, got 10001");
                });
    }

    @Test
    void nullAndEmptyPatchesChangeNothing() {
        assertThat(JsonPatch.apply(DEPLOYMENT, Json.parse("null"))).isEqualTo(DEPLOYMENT);
        assertThat(JsonPatch.apply(DEPLOYMENT, Json.parse("[]"))).isEqualTo(DEPLOYMENT);
    }
}
