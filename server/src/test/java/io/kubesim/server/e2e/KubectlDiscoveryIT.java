package io.kubesim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;

/** {@code kubectl version}, {@code api-resources} and {@code api-versions} against the real binary. */
class KubectlDiscoveryIT {

    private static final String ALL_VERBS = "create,delete,deletecollection,get,list,patch,update,watch";

    private static TestServer server;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        kubectl = new Kubectl(server.adminKubeconfig());
    }

    @AfterAll
    static void stop() {
        kubectl.cleanUp();
        server.close();
    }

    @Test
    void versionReportsTheServerAs132() {
        Kubectl.Result r = kubectl.run("version").assertOk();
        assertThat(r.stdout().lines()).contains("Server Version: v1.32.0");
        assertThat(r.stderr()).as("no version-skew warning").isEmpty();

        JsonNode server = Json.parse(kubectl.run("version", "-o", "json").assertOk().stdout()).path("serverVersion");
        assertThat(server.path("major").asString()).isEqualTo("1");
        assertThat(server.path("minor").asString()).isEqualTo("32");
        assertThat(server.path("gitVersion").asString()).isEqualTo("v1.32.0");
        assertThat(server.path("platform").asString()).isEqualTo("linux/amd64");
    }

    @Test
    void apiResourcesListsEveryServedKindInDiscoveryOrder() {
        PrintedTable t = PrintedTable.parse(kubectl.run("api-resources").assertOk().stdout());
        assertThat(t.header()).containsExactly("NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND");
        assertThat(t.rows()).containsSubsequence(
                List.of("configmaps", "cm", "v1", "true", "ConfigMap"),
                List.of("endpoints", "ep", "v1", "true", "Endpoints"),
                List.of("events", "ev", "v1", "true", "Event"),
                List.of("namespaces", "ns", "v1", "false", "Namespace"),
                List.of("nodes", "no", "v1", "false", "Node"),
                List.of("pods", "po", "v1", "true", "Pod"),
                List.of("secrets", "", "v1", "true", "Secret"),
                List.of("serviceaccounts", "sa", "v1", "true", "ServiceAccount"),
                List.of("services", "svc", "v1", "true", "Service"),
                List.of("daemonsets", "ds", "apps/v1", "true", "DaemonSet"),
                List.of("deployments", "deploy", "apps/v1", "true", "Deployment"),
                List.of("replicasets", "rs", "apps/v1", "true", "ReplicaSet"),
                List.of("statefulsets", "sts", "apps/v1", "true", "StatefulSet"),
                List.of("leases", "", "coordination.k8s.io/v1", "true", "Lease"));
        assertThat(t.column("NAME")).as("subresources are not listed").noneMatch(n -> n.contains("/"));
    }

    @Test
    void apiResourcesFiltersAndWideOutput() {
        PrintedTable cluster = PrintedTable.parse(kubectl.run("api-resources", "--namespaced=false").assertOk()
                .stdout());
        assertThat(cluster.rows()).contains(List.of("namespaces", "ns", "v1", "false", "Namespace"),
                List.of("nodes", "no", "v1", "false", "Node"));
        assertThat(cluster.column("NAMESPACED")).containsOnly("false");

        PrintedTable apps = PrintedTable.parse(kubectl.run("api-resources", "--api-group=apps", "-o", "wide")
                .assertOk().stdout());
        assertThat(apps.header()).containsExactly("NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", "VERBS",
                "CATEGORIES");
        assertThat(apps.rows()).containsExactly(
                List.of("daemonsets", "ds", "apps/v1", "true", "DaemonSet", ALL_VERBS, "all"),
                List.of("deployments", "deploy", "apps/v1", "true", "Deployment", ALL_VERBS, "all"),
                List.of("replicasets", "rs", "apps/v1", "true", "ReplicaSet", ALL_VERBS, "all"),
                List.of("statefulsets", "sts", "apps/v1", "true", "StatefulSet", ALL_VERBS, "all"));

        assertThat(kubectl.run("api-resources", "-o", "name").assertOk().stdout().lines())
                .contains("pods", "deployments.apps", "leases.coordination.k8s.io");
    }

    @Test
    void apiVersionsListsGroupVersionsSorted() {
        List<String> versions = kubectl.run("api-versions").assertOk().stdout().lines().toList();
        assertThat(versions).contains("apps/v1", "coordination.k8s.io/v1", "v1");
        assertThat(versions).isSorted();
    }
}
