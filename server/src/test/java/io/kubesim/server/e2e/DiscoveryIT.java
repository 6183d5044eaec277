package io.kubesim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Discovery and OpenAPI as clients read them: aggregated discovery only when asked for (with the
 * exact content type client-go checks), legacy documents otherwise, subresources with their own
 * kinds, and the OpenAPI v3 root with content-hashed, cacheable group-version documents that carry
 * what kubectl looks for before it applies or creates.
 */
class DiscoveryIT {

    /** What kubectl 1.32 sends for {@code /api} and {@code /apis}. */
    private static final String AGGREGATED_ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;"
            + "as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
            + "application/json";
    private static final String AGGREGATED_TYPE = "application/json;g=apidiscovery.k8s.io;v=v2;"
            + "as=APIGroupDiscoveryList";

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
    void aggregatedDiscoveryWhenAskedFor() {
        ApiHttp.Reply core = http.get("/api", "Accept", AGGREGATED_ACCEPT);
        assertThat(core.code()).isEqualTo(200);
        assertThat(core.header("Content-Type")).isEqualTo(AGGREGATED_TYPE);
        JsonNode list = core.json();
        assertThat(list.path("kind").asString()).isEqualTo("APIGroupDiscoveryList");
        assertThat(list.path("apiVersion").asString()).isEqualTo("apidiscovery.k8s.io/v2");
        JsonNode v1 = list.path("items").get(0).path("versions").get(0);
        assertThat(v1.path("version").asString()).isEqualTo("v1");
        JsonNode pods = find(v1.path("resources"), "resource", "pods");
        assertThat(pods.path("scope").asString()).isEqualTo("Namespaced");
        assertThat(pods.path("responseKind").path("kind").asString()).isEqualTo("Pod");
        JsonNode eviction = find(pods.path("subresources"), "subresource", "eviction");
        assertThat(eviction.path("responseKind").path("group").asString()).isEqualTo("policy");
        assertThat(eviction.path("responseKind").path("version").asString()).isEqualTo("v1");
        assertThat(eviction.path("responseKind").path("kind").asString()).isEqualTo("Eviction");

        ApiHttp.Reply groups = http.get("/apis", "Accept", AGGREGATED_ACCEPT);
        assertThat(groups.header("Content-Type")).isEqualTo(AGGREGATED_TYPE);
        List<String> names = new ArrayList<>();
        groups.json().path("items").forEach(i -> names.add(i.path("metadata").path("name").asString()));
        assertThat(names).contains("apps", "coordination.k8s.io");

        ApiHttp.Reply beta = http.get("/api", "Accept",
                "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json");
        assertThat(beta.header("Content-Type"))
                .isEqualTo("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList");
    }

    @Test
    void legacyDiscoveryOtherwise() {
        ApiHttp.Reply core = http.get("/api", "Accept", "application/json, */*");
        assertThat(core.code()).isEqualTo(200);
        assertThat(core.header("Content-Type")).isEqualTo("application/json");
        assertThat(core.json().path("kind").asString()).isEqualTo("APIVersions");
        assertThat(core.json().path("versions").get(0).asString()).isEqualTo("v1");

        ApiHttp.Reply groups = http.get("/apis");
        assertThat(groups.json().path("kind").asString()).isEqualTo("APIGroupList");
        JsonNode apps = find(groups.json().path("groups"), "name", "apps");
        assertThat(apps.path("preferredVersion").path("groupVersion").asString()).isEqualTo("apps/v1");

        assertThat(http.get("/apis/apps").json().path("kind").asString()).isEqualTo("APIGroup");
    }

    @Test
    void coreResourceListHasSubresourcesWithTheirKinds() {
        JsonNode list = http.get("/api/v1").json();
        assertThat(list.path("kind").asString()).isEqualTo("APIResourceList");
        assertThat(list.path("groupVersion").asString()).isEqualTo("v1");
        JsonNode eviction = find(list.path("resources"), "name", "pods/eviction");
        assertThat(eviction.path("group").asString()).isEqualTo("policy");
        assertThat(eviction.path("version").asString()).isEqualTo("v1");
        assertThat(eviction.path("kind").asString()).isEqualTo("Eviction");
        assertThat(eviction.path("verbs").toString()).isEqualTo("[\"create\"]");
        assertThat(find(list.path("resources"), "name", "pods/status").path("kind").asString()).isEqualTo("Pod");

        JsonNode apps = http.get("/apis/apps/v1").json();
        JsonNode scale = find(apps.path("resources"), "name", "deployments/scale");
        assertThat(scale.path("group").asString()).isEqualTo("autoscaling");
        assertThat(scale.path("kind").asString()).isEqualTo("Scale");
    }

    @Test
    void openApiRootListsHashedGroupVersionDocuments() {
        ApiHttp.Reply root = http.get("/openapi/v3");
        assertThat(root.code()).isEqualTo(200);
        JsonNode paths = root.json().path("paths");
        for (String gv : List.of("api/v1", "apis/apps/v1", "apis/coordination.k8s.io/v1")) {
            assertThat(paths.path(gv).path("serverRelativeURL").asString())
                    .matches("/openapi/v3/" + gv.replace(".", "\\.") + "\\?hash=[0-9A-F]{128}");
        }
    }

    @Test
    void rootAndDocumentsAnswerNotModifiedToTheirEtag() {
        ApiHttp.Reply root = http.get("/openapi/v3");
        String etag = root.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        ApiHttp.Reply again = http.get("/openapi/v3", "If-None-Match", etag);
        assertThat(again.code()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(http.get("/openapi/v3", "If-None-Match", "\"stale\"").code()).isEqualTo(200);

        String url = root.json().path("paths").path("apis/apps/v1").path("serverRelativeURL").asString();
        ApiHttp.Reply doc = http.get(url);
        assertThat(doc.header("Cache-Control")).contains("immutable");
        assertThat(http.get(url, "If-None-Match", doc.header("ETag")).code()).isEqualTo(304);
    }

    @Test
    void everyKindHasAPatchOperationWithItsKindAndFieldValidation() {
        JsonNode root = http.get("/openapi/v3").json().path("paths");
        for (String gv : List.of("api/v1", "apis/apps/v1", "apis/coordination.k8s.io/v1")) {
            Set<String> kinds = new HashSet<>();
            JsonNode resources = http.get("/" + gv).json().path("resources");
            resources.forEach(r -> {
                if (!r.path("name").asString().contains("/")) {
                    kinds.add(r.path("kind").asString());
                }
            });
            JsonNode doc = http.get(root.path(gv).path("serverRelativeURL").asString()).json();
            assertThat(doc.path("openapi").asString()).startsWith("3.");
            Set<String> patchable = new HashSet<>();
            doc.path("paths").forEach(path -> {
                JsonNode patch = path.path("patch");
                if (patch.isMissingNode()) {
                    return;
                }
                JsonNode gvk = patch.path("x-kubernetes-group-version-kind");
                assertThat(gvk.path("version").asString()).isEqualTo(gv.substring(gv.lastIndexOf('/') + 1));
                List<String> parameters = new ArrayList<>();
                patch.path("parameters").forEach(p -> parameters.add(p.path("name").asString()));
                assertThat(parameters).as(gvk.toString()).contains("fieldValidation", "fieldManager", "dryRun");
                patchable.add(gvk.path("kind").asString());
            });
            assertThat(patchable).as(gv).isEqualTo(kinds);
        }
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asString().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no entry with " + field + "=" + value + " in " + array);
    }
}
