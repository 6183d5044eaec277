package io.kubesim.server.e2e;

import static io.kubesim.server.e2e.EventStream.assertEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import tools.jackson.databind.JsonNode;

/**
 * A clean stop and a start on the same data directory and port: every object comes back with the
 * same uid and resourceVersion, revisions continue above the old ones, and the watch history is
 * refilled from the storage log, so a watch from a revision before the restart replays in order.
 */
class RestartIT {

    private static final String NS = "durable";

    @Test
    void objectsRevisionsAndWatchHistorySurviveARestart() {
        TestServer first = TestServer.start();
        try {
            Path dir = first.dataDir();
            int port = first.port();
            Map<String, HasMetadata> before = new LinkedHashMap<>();
            long start;
            List<String> configMapHistory = new ArrayList<>();
            try (KubernetesClient client = first.client()) {
                Namespace ns = client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS)
                        .endMetadata().build()).create();
                before.put("namespace", ns);
                start = Long.parseLong(ns.getMetadata().getResourceVersion());

                ConfigMap created = client.resource(configMap("settings", "1")).create();
                configMapHistory.add("ADDED settings " + created.getMetadata().getResourceVersion());
                ConfigMap updated = client.resource(new ConfigMapBuilder(created).addToData("v", "2").build())
                        .update();
                configMapHistory.add("MODIFIED settings " + updated.getMetadata().getResourceVersion());
                before.put("configmap", updated);
                ConfigMap gone = client.resource(configMap("gone", "1")).create();
                configMapHistory.add("ADDED gone " + gone.getMetadata().getResourceVersion());
                client.resource(gone).delete();
                before.put("secret", client.resource(new SecretBuilder().withNewMetadata().withName("token")
                        .withNamespace(NS).endMetadata().addToStringData("k", "v").build()).create());
                before.put("deployment", client.apps().deployments().inNamespace(NS)
                        .resource(Fabric8CrudIT.deployment("web", NS)).create());
            }
            long lastBefore = revision(first);
            first.stop();

            try (TestServer second = TestServer.startOn(dir, port);
                 KubernetesClient client = second.client()) {
                for (HasMetadata old : before.values()) {
                    HasMetadata now = client.resource(old).get();
                    assertThat(now).as(old.getKind()).isNotNull();
                    assertThat(now.getMetadata().getUid()).isEqualTo(old.getMetadata().getUid());
                    assertThat(now.getMetadata().getResourceVersion()).as(old.getKind())
                            .isEqualTo(old.getMetadata().getResourceVersion());
                }
                assertThat(client.configMaps().inNamespace(NS).withName("gone").get()).isNull();
                assertThat(client.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                        .containsExactlyInAnyOrder("default", "kube-system", "kube-public", "kube-node-lease", NS);

                ConfigMap after = client.resource(configMap("after", "1")).create();
                assertThat(Long.parseLong(after.getMetadata().getResourceVersion())).isEqualTo(lastBefore + 1);
                configMapHistory.add("ADDED after " + after.getMetadata().getResourceVersion());

                ApiHttp http = ApiHttp.admin(second, HttpClient.Version.HTTP_2);
                List<String> replayed = replay(http, "/api/v1/namespaces/" + NS + "/configmaps", start,
                        configMapHistory.size() + 1);
                // the delete of "gone" has a revision of its own, which the client was not told
                assertThat(replayed.remove(3)).startsWith("DELETED gone ");
                assertThat(replayed).containsExactlyElementsOf(configMapHistory);
                try (EventStream watch = http.stream("/apis/apps/v1/namespaces/" + NS
                        + "/deployments?watch=true&resourceVersion=" + start)) {
                    assertEvent(watch.next(), "ADDED", "web");
                }
            }
        } finally {
            first.close();
        }
    }

    /** The first {@code count} events of a watch from {@code start}, as "TYPE name revision", in revision order. */
    private static List<String> replay(ApiHttp http, String collection, long start, int count) {
        try (EventStream watch = http.stream(collection + "?watch=true&resourceVersion=" + start)) {
            List<String> events = new ArrayList<>();
            long previous = start;
            for (int i = 0; i < count; i++) {
                JsonNode event = watch.next();
                long rv = Long.parseLong(event.path("object").path("metadata").path("resourceVersion").asString());
                assertThat(rv).as("revision order").isGreaterThan(previous);
                previous = rv;
                events.add(event.path("type").asString() + " "
                        + event.path("object").path("metadata").path("name").asString() + " " + rv);
            }
            assertThat(watch.poll(Duration.ofMillis(300))).as("nothing replayed twice").isNull();
            return events;
        }
    }

    private static long revision(TestServer server) {
        return Long.parseLong(ApiHttp.admin(server, HttpClient.Version.HTTP_2).get("/api/v1/namespaces").json()
                .path("metadata").path("resourceVersion").asString());
    }

    private static ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .addToData("v", value).build();
    }
}
