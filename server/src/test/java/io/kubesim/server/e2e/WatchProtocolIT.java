package io.kubesim.server.e2e;

import static io.kubesim.server.e2e.EventStream.assertEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import tools.jackson.databind.JsonNode;

/**
 * The watch options on the wire: initial state, a single object by name, 410 Expired as an ERROR
 * event after a 200, {@code timeoutSeconds} and bookmarks. The server keeps a history of only five
 * events per resource, so "too old" is easy to reach.
 */
class WatchProtocolIT {

    private static TestServer server;
    private static KubernetesClient client;
    private static ApiHttp http;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withHistory(5, 5));
        client = server.client();
        http = ApiHttp.admin(server, HttpClient.Version.HTTP_2);
        for (String ns : List.of("p-old", "p-initial", "p-name", "p-timeout", "p-bookmark")) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static ConfigMap create(String namespace, String name) {
        return client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
                .withName(name).endMetadata().withData(Map.of("k", "1")).build()).create();
    }

    private static String path(String namespace, String query) {
        return "/api/v1/namespaces/" + namespace + "/configmaps?watch=true&" + query;
    }

    @Test
    void tooOldResourceVersionIsOneExpiredErrorEventAfterA200() {
        long first = Long.parseLong(create("p-old", "first").getMetadata().getResourceVersion());
        for (int i = 0; i < 10; i++) {
            create("p-old", "later-" + i);
        }
        try (EventStream watch = http.stream(path("p-old", "resourceVersion=" + first))) {
            assertThat(watch.response().statusCode()).isEqualTo(200);
            JsonNode event = watch.next();
            assertThat(event.path("type").asString()).isEqualTo("ERROR");
            JsonNode status = event.path("object");
            assertThat(status.path("kind").asString()).isEqualTo("Status");
            assertThat(status.path("apiVersion").asString()).isEqualTo("v1");
            assertThat(status.path("status").asString()).isEqualTo("Failure");
            assertThat(status.path("reason").asString()).isEqualTo("Expired");
            assertThat(status.path("code").asInt()).isEqualTo(410);
            assertThat(status.path("message").asString()).matches("too old resource version: " + first + " \\(\\d+\\)");
            assertThat(watch.endsWithin(EventStream.WAIT)).as("the stream ends after the error").isTrue();
        }
    }

    @Test
    void watchWithoutResourceVersionStartsWithTheCurrentState() {
        create("p-initial", "a");
        create("p-initial", "b");
        try (EventStream watch = http.stream(path("p-initial", "resourceVersion=0"))) {
            assertEvent(watch.next(), "ADDED", "a");
            assertEvent(watch.next(), "ADDED", "b");
            create("p-initial", "c");
            assertEvent(watch.next(), "ADDED", "c");
        }
    }

    @Test
    void watchOfOneObjectByNameSeesOnlyThatObject() {
        String rv = http.get("/api/v1/namespaces/p-name/configmaps").json().path("metadata").path("resourceVersion")
                .asString();
        try (EventStream watch = http.stream(path("p-name", "fieldSelector=metadata.name%3Dmine&resourceVersion=" + rv))) {
            create("p-name", "other");
            create("p-name", "mine");
            client.configMaps().inNamespace("p-name").withName("other").delete();
            client.configMaps().inNamespace("p-name").withName("mine").delete();
            assertEvent(watch.next(), "ADDED", "mine");
            assertEvent(watch.next(), "DELETED", "mine");
        }
    }

    @Test
    void timeoutSecondsEndsTheStreamCleanly() {
        String rv = client.configMaps().inNamespace("p-timeout").list().getMetadata().getResourceVersion();
        long started = System.nanoTime();
        try (EventStream watch = http.stream(path("p-timeout", "timeoutSeconds=1&resourceVersion=" + rv))) {
            assertThat(watch.response().statusCode()).isEqualTo(200);
            assertThat(watch.endsWithin(Duration.ofSeconds(5))).as("the stream ended without an event").isTrue();
            assertThat(Duration.ofNanos(watch.endedAtNanos() - started))
                    .isBetween(Duration.ofMillis(800), Duration.ofMillis(3000));
        }
    }

    @Test
    void bookmarksComeOnlyWhenAllowed() {
        String rv = client.configMaps().inNamespace("p-bookmark").list().getMetadata().getResourceVersion();
        try (EventStream plain = http.stream(path("p-bookmark", "resourceVersion=" + rv));
             EventStream watch = http.stream(path("p-bookmark", "allowWatchBookmarks=true&resourceVersion=" + rv))) {
            JsonNode bookmark = watch.next();
            assertThat(bookmark.path("type").asString()).isEqualTo("BOOKMARK");
            assertThat(bookmark.path("object").path("kind").asString()).isEqualTo("ConfigMap");
            assertThat(bookmark.path("object").path("apiVersion").asString()).isEqualTo("v1");
            assertThat(Long.parseLong(bookmark.path("object").path("metadata").path("resourceVersion").asString()))
                    .isGreaterThanOrEqualTo(Long.parseLong(rv));

            ConfigMap created = create("p-bookmark", "after");
            JsonNode next = watch.next();
            while (next.path("type").asString().equals("BOOKMARK")) {
                next = watch.next();
            }
            assertEvent(next, "ADDED", "after");
            JsonNode later = watch.next();
            assertThat(later.path("type").asString()).isEqualTo("BOOKMARK");
            assertThat(Long.parseLong(later.path("object").path("metadata").path("resourceVersion").asString()))
                    .as("a bookmark never goes back")
                    .isGreaterThanOrEqualTo(Long.parseLong(created.getMetadata().getResourceVersion()));

            // by now bookmarks have been due for over a second; the watch that did not ask got none
            assertEvent(plain.next(), "ADDED", "after");
            assertThat(plain.poll(Duration.ZERO)).isNull();
        }
    }
}
