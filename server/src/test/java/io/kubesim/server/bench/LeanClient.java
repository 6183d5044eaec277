package io.kubesim.server.bench;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.kubesim.certs.ClientIdentity;
import io.kubesim.server.ApiServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

/**
 * The lean load generator: a Vert.x (Netty) HTTP client of its own, HTTP/2 by ALPN, the admin
 * client certificate, pre-built JSON bodies and raw response bytes, so that its CPU stays small
 * next to the server's. Each {@link #connection()} is a separate client holding one TLS connection,
 * because a server binds a connection to one event loop and many real clients mean many
 * connections.
 *
 * <p>Not the JDK's {@code java.net.http} client: its {@code sendAsync} completes every response on
 * {@code ForkJoinPool.commonPool()}, which on a 2-core machine (common parallelism 1) starts a new
 * thread per response, and its HTTP/2 path cost about as much CPU per request as the server.
 *
 * <p>Thread-safe. Its event loops ({@value #EVENT_LOOPS}) are renamed {@code bench-client-loop-N}, so
 * that CPU accounting and profiles (which see thread names) tell them from the server's.
 */
final class LeanClient implements AutoCloseable {

    static final long TIMEOUT_MILLIS = 60_000;
    static final String JSON = "application/json";
    /** What kubectl 1.32 sends for {@code kubectl get}. */
    static final String KUBECTL_TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

    private static final int EVENT_LOOPS = 2;

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final String host;
    private final int port;

    LeanClient(ApiServer server) {
        URI url = URI.create(server.url());
        this.host = url.getHost();
        this.port = url.getPort();
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS));
        nameEventLoops(vertx);
        this.options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setUseAlpn(true)
                .setAlpnVersions(List.of(HttpVersion.HTTP_2))
                .setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions()
                        .setCertPath(server.pki().certificate(ClientIdentity.admin()).toString())
                        .setKeyPath(server.pki().key(ClientIdentity.admin()).toString()))
                .setTrustOptions(new PemTrustOptions().addCertPath(server.pki().caCertificate().toString()))
                .setConnectTimeout((int) TIMEOUT_MILLIS);
    }

    /**
     * Renames the client's event-loop threads. A context created from outside Vert.x takes the next
     * event loop in turn, so a few contexts reach every loop.
     */
    private static void nameEventLoops(Vertx vertx) {
        Set<Thread> named = ConcurrentHashMap.newKeySet();
        for (int attempt = 0; attempt < EVENT_LOOPS * 8 && named.size() < EVENT_LOOPS; attempt++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            vertx.getOrCreateContext().runOnContext(v -> {
                if (named.add(Thread.currentThread())) {
                    Thread.currentThread().setName("bench-client-loop-" + named.size());
                }
                done.complete(null);
            });
            done.orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** A new client that opens one HTTP/2 connection on its first request. */
    HttpClient connection() {
        return vertx.createHttpClient(options, new PoolOptions().setHttp2MaxSize(1));
    }

    /**
     * Sends {@code body} (null: none) and completes with the response once its last byte arrived;
     * fails unless the status is {@code expected}.
     */
    Future<Response> send(HttpClient connection, HttpMethod method, String uri, String accept, String body,
                          int expected) {
        return open(connection, method, uri, accept, body)
                .compose(r -> r.body().map(b -> new Response(r.version(), r.statusCode(), b)))
                .compose(r -> r.status() == expected ? Future.succeededFuture(r) : Future.failedFuture(
                        new IllegalStateException(method + " " + uri + " answered " + r.status() + ": " + r.body())));
    }

    /** Sends and completes with the response as soon as its headers arrived; the body is the caller's. */
    Future<HttpClientResponse> open(HttpClient connection, HttpMethod method, String uri, String accept, String body) {
        RequestOptions request = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(uri)
                .setTimeout(TIMEOUT_MILLIS).putHeader("Accept", accept);
        if (body != null) {
            request.putHeader("Content-Type", JSON);
        }
        return connection.request(request).compose(r -> body == null ? r.send() : r.send(body));
    }

    /** {@link #send}, waiting for the outcome. */
    Response call(HttpClient connection, HttpMethod method, String uri, String accept, String body, int expected)
            throws Exception {
        return await(send(connection, method, uri, accept, body, expected));
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** A complete response. */
    record Response(HttpVersion version, int status, Buffer body) {
    }
}
