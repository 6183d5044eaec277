package io.kubesim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.kubesim.server.http.ApiRouter;
import tools.jackson.databind.JsonNode;

/**
 * Every failure is a {@code metav1.Status} with the reason, code and message a real server gives,
 * never a stack trace or a 5xx: bad bodies, sizes, paths, media types, verbs and list options.
 */
class StatusErrorsIT {

    private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
    private static final String NOT_FOUND = "the server could not find the requested resource";

    private static TestServer server;
    private static ApiHttp http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = ApiHttp.admin(server, HttpClient.Version.HTTP_2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void malformedJsonIsBadRequest() {
        JsonNode status = status(http.post(CONFIGMAPS, "application/json", "{\"metadata\": {\"name\": "), 400,
                "BadRequest");
        assertThat(status.path("message").asString()).isNotBlank().doesNotContain("\tat ");
    }

    @ParameterizedTest
    @EnumSource(value = HttpClient.Version.class)
    void bodyOverThreeMebibytesIsTooLarge(HttpClient.Version version) {
        String big = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"big\"},\"data\":{\"k\":\""
                + "x".repeat((int) ApiRouter.MAX_BODY_BYTES) + "\"}}";
        ApiHttp.Reply reply = ApiHttp.admin(server, version).post(CONFIGMAPS, "application/json", big);
        JsonNode status = status(reply, 413, "RequestEntityTooLarge");
        assertThat(status.path("message").asString()).isEqualTo("Request entity too large: limit is 3145728");
        assertThat(http.get(CONFIGMAPS + "/big").code()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/namespaces/default/widgets", "/api/v1/widgets", "/apis/no.such.group/v1/things",
            "/apis/apps/v1/namespaces/default/pods", "/api/v2/pods", "/apis/no.such.group/v1", "/nonsense",
            "/api/v1/namespaces/default/configmaps/a/b/c"})
    void unknownPathsAreNotFound(String path) {
        JsonNode status = status(http.get(path), 404, "NotFound");
        assertThat(status.path("message").asString()).isEqualTo(NOT_FOUND);
    }

    @Test
    void unknownBodyFormatIsUnsupportedMediaType() {
        JsonNode status = status(http.post(CONFIGMAPS, "text/plain", "name: x"), 415, "UnsupportedMediaType");
        assertThat(status.path("message").asString()).isEqualTo("the body of the request was in an unknown format - "
                + "accepted media types include: application/json, application/yaml, "
                + "application/vnd.kubernetes.protobuf");
    }

    @Test
    void kindContradictingTheUrlIsBadRequest() {
        JsonNode status = status(http.post(CONFIGMAPS, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"x\"}}"), 400, "BadRequest");
        assertThat(status.path("message").asString()).isEqualTo("Secret in version \"v1\" cannot be handled as a "
                + "ConfigMap: converting (v1.Secret) to (core.ConfigMap): unknown conversion");

        JsonNode apps = status(http.post("/apis/apps/v1/namespaces/default/deployments", "application/json",
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"metadata\":{\"name\":\"x\"}}"), 400,
                "BadRequest");
        assertThat(apps.path("message").asString()).isEqualTo("ReplicaSet in version \"v1\" cannot be handled as a "
                + "Deployment: converting (v1.ReplicaSet) to (apps.Deployment): unknown conversion");
    }

    @Test
    void apiVersionContradictingTheUrlIsBadRequest() {
        JsonNode status = status(http.post("/apis/apps/v1/namespaces/default/deployments", "application/json",
                "{\"apiVersion\":\"apps/v1beta2\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"x\"}}"), 400,
                "BadRequest");
        assertThat(status.path("message").asString()).isEqualTo("the API version in the data (apps/v1beta2) does not "
                + "match the expected API version (apps/v1)");
    }

    @Test
    void namespaceOrNameContradictingTheUrlIsBadRequest() {
        JsonNode namespace = status(http.post(CONFIGMAPS, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\",\"namespace\":\"other\"}}"),
                400, "BadRequest");
        assertThat(namespace.path("message").asString()).isEqualTo("the namespace of the provided object does not "
                + "match the namespace sent on the request");

        assertThat(http.post(CONFIGMAPS, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"named\"}}").code())
                .isEqualTo(201);
        JsonNode name = status(http.send(http.request(CONFIGMAPS + "/named").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"other\"}}"))),
                400, "BadRequest");
        assertThat(name.path("message").asString()).isEqualTo("the name of the object (other) does not match the name "
                + "on the URL (named)");
    }

    static Stream<Arguments> unsupportedVerbs() {
        return Stream.of(
                Arguments.of("POST", CONFIGMAPS + "/some-name"),
                Arguments.of("PUT", CONFIGMAPS),
                Arguments.of("PATCH", CONFIGMAPS),
                Arguments.of("POST", "/api/v1/namespaces/default/pods/p/status"),
                Arguments.of("POST", "/api/v1"));
    }

    @ParameterizedTest
    @MethodSource("unsupportedVerbs")
    void unsupportedVerbIsMethodNotAllowed(String method, String path) {
        ApiHttp.Reply reply = http.send(http.request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{}")));
        JsonNode status = status(reply, 405, "MethodNotAllowed");
        assertThat(status.path("message").asString())
                .isEqualTo("the server does not allow this method on the requested resource");
    }

    @Test
    void protobufBeforeJsonIsAnsweredWithJson() {
        ApiHttp.Reply reply = http.get(CONFIGMAPS, "Accept", "application/vnd.kubernetes.protobuf,application/json");
        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.json().path("kind").asString()).isEqualTo("ConfigMapList");
    }

    @Test
    void protobufAloneIsNotAcceptable() {
        status(http.get(CONFIGMAPS, "Accept", "application/vnd.kubernetes.protobuf"), 406, "NotAcceptable");
    }

    @Test
    void yamlBodyIsAccepted() {
        ApiHttp.Reply reply = http.post(CONFIGMAPS, "application/yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: from-yaml
                data:
                  answer: "42"
                """);
        assertThat(reply.code()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.json().path("data").path("answer").asString()).isEqualTo("42");
    }

    @Test
    void foreignContinueTokenIsBadRequest() {
        status(http.get(CONFIGMAPS + "?limit=1&continue=bm90LWEtdG9rZW4"), 400, "BadRequest");
        status(http.get(CONFIGMAPS + "?limit=1&continue=%25%25"), 400, "BadRequest");
    }

    @Test
    void unsupportedFieldSelectorIsBadRequest() {
        // kinds without field label conversions accept only the metadata fields, and say so
        JsonNode configMaps = status(http.get(CONFIGMAPS + "?fieldSelector=spec.nodeName%3Dn1"), 400, "BadRequest");
        assertThat(configMaps.path("message").asString()).isEqualTo("\"spec.nodeName\" is not a known field "
                + "selector: only \"metadata.name\", \"metadata.namespace\"");
        JsonNode pods = status(http.get("/api/v1/pods?fieldSelector=spec.shoeSize%3D9"), 400, "BadRequest");
        assertThat(pods.path("message").asString()).isEqualTo("field label not supported: spec.shoeSize");
        status(http.get(CONFIGMAPS + "?watch=true&fieldSelector=spec.nodeName%3Dn1"), 400, "BadRequest");
    }

    static Stream<Arguments> garbage() {
        return Stream.of(
                Arguments.of("GET", CONFIGMAPS + "?limit=abc", null, null),
                Arguments.of("GET", CONFIGMAPS + "?resourceVersion=abc", null, null),
                Arguments.of("GET", CONFIGMAPS + "?labelSelector=a%20in%20(", null, null),
                Arguments.of("GET", CONFIGMAPS + "?watch=true&timeoutSeconds=-1", null, null),
                Arguments.of("GET", CONFIGMAPS + "?includeObject=Everything", null, null),
                Arguments.of("POST", CONFIGMAPS, "application/json", ""),
                Arguments.of("POST", CONFIGMAPS, "application/json", "[1,2,3]"),
                Arguments.of("POST", CONFIGMAPS, "application/json", "\"just a string\""),
                Arguments.of("POST", CONFIGMAPS, "application/json", "{\"metadata\":[]}"),
                Arguments.of("POST", CONFIGMAPS, "application/json", "{\"data\":{\"k\":7}}"),
                Arguments.of("POST", CONFIGMAPS, "application/yaml", "a: [unclosed"),
                Arguments.of("POST", CONFIGMAPS, "application/vnd.kubernetes.protobuf", "not protobuf"),
                Arguments.of("PATCH", CONFIGMAPS + "/named", "application/json", "{}"),
                Arguments.of("PATCH", CONFIGMAPS + "/named", "application/merge-patch+json", "{{"),
                Arguments.of("PATCH", CONFIGMAPS + "/named", "application/json-patch+json", "{\"op\":\"add\"}"),
                Arguments.of("DELETE", CONFIGMAPS + "/absent", "application/json", "{not json"),
                Arguments.of("GET", "/openapi/v3/apis/no/such", null, null));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void garbageGetsAClientErrorStatus(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = http.request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        ApiHttp.Reply reply = http.send(request);
        assertThat(reply.code()).as(reply.body()).isBetween(400, 499);
        JsonNode status = reply.json();
        assertThat(status.path("kind").asString()).isEqualTo("Status");
        assertThat(status.path("code").asInt()).isEqualTo(reply.code());
        assertThat(status.path("message").asString()).isNotBlank().doesNotContain("\tat ", "Exception");
    }

    static JsonNode status(ApiHttp.Reply reply, int code, String reason) {
        assertThat(reply.code()).as(reply.body()).isEqualTo(code);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        JsonNode status = reply.json();
        assertThat(status.path("kind").asString()).isEqualTo("Status");
        assertThat(status.path("apiVersion").asString()).isEqualTo("v1");
        assertThat(status.path("status").asString()).isEqualTo("Failure");
        assertThat(status.path("reason").asString()).isEqualTo(reason);
        assertThat(status.path("code").asInt()).isEqualTo(code);
        return status;
    }
}
