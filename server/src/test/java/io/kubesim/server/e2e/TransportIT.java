package io.kubesim.server.e2e;

import static io.kubesim.server.e2e.EventStream.assertEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubesim.server.json.Json;

/**
 * The wire: TLS 1.2 and 1.3 only, HTTP/2 chosen by ALPN with HTTP/1.1 as the fallback, and watches
 * streamed over HTTP/2, chunked HTTP/1.1 and WebSocket, as kubectl, client-go and Fabric8 use them.
 */
class TransportIT {

    private static TestServer server;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = server.client();
        for (String ns : List.of("t-h2", "t-h1", "t-ws")) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void acceptsTls12And13(String protocol) {
        ApiHttp http = ApiHttp.of(server, HttpClient.Version.HTTP_2, ApiHttp.adminKey(server.server().pki()),
                protocol);
        ApiHttp.Reply reply = http.get("/api/v1/namespaces/default");
        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.tlsProtocol()).isEqualTo(protocol);
    }

    @Test
    void refusesTls11() throws Exception {
        TlsHelloProbe.Answer tls11 = TlsHelloProbe.hello("127.0.0.1", server.port(), TlsHelloProbe.TLS_1_1);
        assertThat(tls11.serverHelloVersion()).as("no ServerHello for TLS 1.1").isNull();
        assertThat(tls11.alertDescription()).as("alert protocol_version").isEqualTo(70);

        TlsHelloProbe.Answer tls12 = TlsHelloProbe.hello("127.0.0.1", server.port(), TlsHelloProbe.TLS_1_2);
        assertThat(tls12.serverHelloVersion()).as("the same hand-built hello at TLS 1.2 is answered")
                .isEqualTo(TlsHelloProbe.TLS_1_2);
    }

    @Test
    void negotiatesHttp2ByAlpn() {
        ApiHttp.Reply reply = ApiHttp.admin(server, HttpClient.Version.HTTP_2).get("/api/v1/namespaces");
        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(reply.json().path("kind").asString()).isEqualTo("NamespaceList");
    }

    @Test
    void servesHttp11ToClientsThatOfferOnlyIt() {
        ApiHttp.Reply reply = ApiHttp.admin(server, HttpClient.Version.HTTP_1_1).get("/api/v1/namespaces");
        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(reply.json().path("kind").asString()).isEqualTo("NamespaceList");
    }

    @Test
    void watchOverHttp2SendsHeadersAtOnceThenOneJsonLinePerEvent() {
        ApiHttp http = ApiHttp.admin(server, HttpClient.Version.HTTP_2);
        String rv = listRevision(http, "t-h2");
        try (EventStream watch = http.stream("/api/v1/namespaces/t-h2/configmaps?watch=true&resourceVersion=" + rv)) {
            assertThat(watch.response().version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(watch.response().statusCode()).isEqualTo(200);
            assertThat(watch.response().headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(watch.poll(Duration.ZERO)).as("headers came before any event").isNull();

            createConfigMap("t-h2", "a");
            createConfigMap("t-h2", "b");
            assertEvent(watch.next(), "ADDED", "a");
            assertEvent(watch.next(), "ADDED", "b");
        }
    }

    @Test
    void watchOverHttp11IsChunked() {
        ApiHttp http = ApiHttp.admin(server, HttpClient.Version.HTTP_1_1);
        String rv = listRevision(http, "t-h1");
        try (EventStream watch = http.stream("/api/v1/namespaces/t-h1/configmaps?watch=1&resourceVersion=" + rv)) {
            assertThat(watch.response().version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(watch.response().headers().firstValue("Transfer-Encoding")).hasValue("chunked");
            createConfigMap("t-h1", "a");
            client.configMaps().inNamespace("t-h1").withName("a").delete();
            assertEvent(watch.next(), "ADDED", "a");
            assertEvent(watch.next(), "DELETED", "a");
        }
    }

    @Test
    void watchOverWebSocketSendsOneTextMessagePerEvent() throws Exception {
        ApiHttp http = ApiHttp.admin(server, HttpClient.Version.HTTP_1_1);
        String rv = listRevision(http, "t-ws");
        URI uri = URI.create(http.uri("/api/v1/namespaces/t-ws/configmaps?watch=true&resourceVersion=" + rv)
                .toString().replaceFirst("^https", "wss"));
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket ws = http.client().newWebSocketBuilder().connectTimeout(ApiHttp.TIMEOUT)
                .buildAsync(uri, new MessageCollector(messages)).get(20, TimeUnit.SECONDS);
        try {
            createConfigMap("t-ws", "a");
            client.configMaps().inNamespace("t-ws").withName("a")
                    .edit(c -> new ConfigMapBuilder(c).addToData("k", "2").build());
            for (String expected : List.of("ADDED", "MODIFIED")) {
                String message = messages.poll(10, TimeUnit.SECONDS);
                assertThat(message).as("a message within 10 s").isNotNull();
                assertThat(message.strip()).as("one event per message").doesNotContain("\n");
                assertEvent(Json.parse(message), expected, "a");
            }
        } finally {
            ws.abort();
        }
    }

    @Test
    void webSocketWatchClosedByTheClientEndsCleanly() throws Exception {
        ApiHttp http = ApiHttp.admin(server, HttpClient.Version.HTTP_1_1);
        URI uri = URI.create(http.uri("/api/v1/namespaces/t-ws/secrets?watch=true&allowWatchBookmarks=true")
                .toString().replaceFirst("^https", "wss"));
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        String[] open = {"verb", "WATCH", "resource", "secrets"};
        try (SevereLogs severe = new SevereLogs()) {
            WebSocket ws = http.client().newWebSocketBuilder().connectTimeout(ApiHttp.TIMEOUT)
                    .buildAsync(uri, new MessageCollector(messages)).get(20, TimeUnit.SECONDS);
            assertThat(messages.poll(10, TimeUnit.SECONDS)).as("a bookmark").contains("\"BOOKMARK\"");
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PrometheusText.parse(
                    http.get("/metrics").body()).value("apiserver_longrunning_requests", open)).hasValue(0));
            assertThat(severe.records()).as("no unhandled exception on the server").isEmpty();
        }
    }

    /** Collects whole text messages, however the client fragments them. */
    private static final class MessageCollector implements WebSocket.Listener {
        private final BlockingQueue<String> messages;
        private final StringBuilder partial = new StringBuilder();

        MessageCollector(BlockingQueue<String> messages) {
            this.messages = messages;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    private static String listRevision(ApiHttp http, String namespace) {
        ApiHttp.Reply list = http.get("/api/v1/namespaces/" + namespace + "/configmaps");
        assertThat(list.code()).isEqualTo(200);
        return list.json().path("metadata").path("resourceVersion").asString();
    }

    private static void createConfigMap(String namespace, String name) {
        client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName(name)
                .endMetadata().withData(Map.of("k", "1")).build()).create();
    }
}
