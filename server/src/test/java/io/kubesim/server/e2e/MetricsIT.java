package io.kubesim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * {@code /metrics} in Prometheus text format with kube-apiserver's metric and label names: request
 * counts and latencies, open watches, stored objects, storage commit latency and JVM metrics.
 */
class MetricsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static TestServer server;
    private static KubernetesClient client;
    private static ApiHttp http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = server.client();
        http = ApiHttp.admin(server, HttpClient.Version.HTTP_2);
        for (String ns : List.of("m-pods", "m-watch")) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static PrometheusText scrape() {
        ApiHttp.Reply reply = http.get("/metrics", "Accept", "text/plain");
        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        return PrometheusText.parse(reply.body());
    }

    private static double valueOrZero(String name, String... labels) {
        OptionalDouble v = scrape().value(name, labels);
        return v.isPresent() ? v.getAsDouble() : 0;
    }

    @Test
    void requestsAreCountedAndTimedByVerbGroupResourceAndCode() {
        String[] podList = {"verb", "LIST", "group", "", "version", "v1", "resource", "pods", "scope", "cluster",
            "code", "200"};
        double before = valueOrZero("apiserver_request_total", podList);
        assertThat(http.get("/api/v1/pods").code()).isEqualTo(200);
        assertThat(http.get("/api/v1/namespaces/m-pods/pods/absent").code()).isEqualTo(404);
        assertThat(http.get("/apis/apps/v1/namespaces/m-pods/deployments").code()).isEqualTo(200);

        await().atMost(WAIT).untilAsserted(() -> {
            PrometheusText metrics = scrape();
            assertThat(metrics.value("apiserver_request_total", podList)).hasValue(before + 1);
            assertThat(metrics.value("apiserver_request_total", "verb", "GET", "resource", "pods", "scope",
                    "resource", "code", "404")).hasValue(1);
            assertThat(metrics.value("apiserver_request_total", "verb", "LIST", "group", "apps", "resource",
                    "deployments", "scope", "namespace", "code", "200")).hasValue(1);
            assertThat(metrics.value("apiserver_request_duration_seconds_bucket", "verb", "LIST", "resource", "pods",
                    "scope", "cluster", "le", "+Inf")).hasValue(before + 1);
            assertThat(metrics.find("apiserver_request_duration_seconds_bucket", "verb", "LIST", "resource", "pods",
                    "scope", "cluster")).hasSizeGreaterThan(10);
        });
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void openWatchesAreLongRunningRequests(HttpClient.Version version) {
        String[] watchLabels = {"verb", "WATCH", "resource", "pods", "scope", "namespace"};
        try (EventStream watch = ApiHttp.admin(server, version).stream("/api/v1/namespaces/m-watch/pods?watch=true")) {
            assertThat(watch.response().statusCode()).isEqualTo(200);
            await().atMost(WAIT).untilAsserted(() -> assertThat(scrape().value("apiserver_longrunning_requests",
                    watchLabels)).hasValue(1));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(scrape().value("apiserver_longrunning_requests",
                watchLabels)).hasValue(0));
        assertThat(scrape().find("apiserver_request_duration_seconds_bucket", "verb", "WATCH"))
                .as("watches are not latency samples").isEmpty();
    }

    @Test
    void storedObjectsAndStorageLatencyAreExported() {
        double creates = valueOrZero("storage_operation_duration_seconds_count", "op", "create");
        for (String name : List.of("a", "b", "c")) {
            client.pods().inNamespace("m-pods").resource(Fabric8CrudIT.pod(name, "m-pods")).create();
        }
        PrometheusText metrics = scrape();
        assertThat(metrics.value("apiserver_storage_objects", "resource", "pods")).hasValue(3);
        assertThat(metrics.value("apiserver_storage_objects", "resource", "namespaces")).hasValue(6);
        assertThat(metrics.value("apiserver_storage_objects", "resource", "deployments.apps")).hasValue(0);
        assertThat(metrics.value("storage_operation_duration_seconds_count", "op", "create")).hasValue(creates + 3);
        assertThat(metrics.find("storage_operation_duration_seconds_bucket", "op", "create")).hasSizeGreaterThan(5);
        assertThat(metrics.value("storage_current_revision").orElseThrow()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void jvmMetricsAreExported() {
        PrometheusText metrics = scrape();
        assertThat(metrics.find("jvm_memory_used_bytes", "area", "heap")).isNotEmpty();
        assertThat(metrics.has("jvm_threads_live_threads")).isTrue();
        assertThat(metrics.has("jvm_gc_memory_allocated_bytes_total")).isTrue();
        assertThat(metrics.has("process_cpu_usage")).isTrue();
        assertThat(metrics.has("process_uptime_seconds")).isTrue();
    }
}
