package io.kubesim.server.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.kubesim.certs.ClientIdentity;
import io.kubesim.server.ApiServer;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
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
import io.vertx.core.parsetools.RecordParser;

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
 * <p>Thread-safe. Every request of a connection is issued on that connection's own event-loop
 * context: a response is then delivered on the thread that reads its connection, so body handlers
 * are in place before the first DATA frame (issued from elsewhere, a response hops threads and its
 * first chunks can be lost). The event loops are named {@code bench-client-loop-N}, so that CPU
 * accounting and profiles (which see thread names) tell them from the server's.
 */
final class LeanClient implements AutoCloseable {

    static final long TIMEOUT_MILLIS = 60_000;
    static final String JSON = "application/json";
    /** What kubectl 1.32 sends for {@code kubectl get}. */
    static final String KUBECTL_TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

    private static final int EVENT_LOOPS = 2;

    private final Vertx vertx;
    private final List<Context> loops;
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final HttpClientOptions options;
    private final String host;
    private final int port;

    LeanClient(ApiServer server) throws Exception {
        URI url = URI.create(server.url());
        this.host = url.getHost();
        this.port = url.getPort();
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS));
        this.loops = eventLoops(vertx);
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

    /** One context per event loop (a verticle instance each), with its thread renamed. */
    private static List<Context> eventLoops(Vertx vertx) throws Exception {
        List<Context> contexts = new ArrayList<>();
        await(vertx.deployVerticle(() -> context -> {
            Promise<Void> named = Promise.promise();
            context.runOnContext(v -> {
                synchronized (contexts) {
                    contexts.add(context);
                    Thread.currentThread().setName("bench-client-loop-" + contexts.size());
                }
                named.complete();
            });
            return named.future();
        }, new DeploymentOptions().setInstances(EVENT_LOOPS)));
        synchronized (contexts) {
            return List.copyOf(contexts);
        }
    }

    /** A new client that opens one HTTP/2 connection on its first request; the event loops are used in turn. */
    Connection connection() {
        return new Connection(vertx.createHttpClient(options, new PoolOptions().setHttp2MaxSize(1)),
                loops.get(Math.floorMod(nextLoop.getAndIncrement(), loops.size())));
    }

    /**
     * Sends {@code body} (null: none) and completes with the response once its last byte arrived;
     * fails unless the status is {@code expected}.
     */
    Future<Response> send(Connection c, HttpMethod method, String uri, String accept, String body, int expected) {
        return onLoop(c, () -> open(c, method, uri, accept, body)
                .compose(r -> r.body().map(b -> new Response(r.version(), r.statusCode(), b)))
                .compose(r -> r.status() == expected ? Future.succeededFuture(r) : Future.failedFuture(
                        new IllegalStateException(method + " " + uri + " answered " + r.status() + ": " + r.body()))));
    }

    /**
     * A streaming GET (a watch): completes once the server answered 200, then hands every
     * newline-terminated line to {@code lines} on the connection's event loop; {@code ended} learns
     * why the stream stopped.
     */
    Future<Void> stream(Connection c, String uri, Handler<Buffer> lines, Handler<String> ended) {
        return onLoop(c, () -> open(c, HttpMethod.GET, uri, JSON, null).compose(response -> {
            if (response.statusCode() != 200) {
                return Future.failedFuture("GET " + uri + " answered " + response.statusCode());
            }
            RecordParser.newDelimited("\n", response).handler(lines);
            response.exceptionHandler(t -> ended.handle("failed: " + t));
            response.endHandler(v -> ended.handle("ended by the server"));
            return Future.succeededFuture();
        }));
    }

    /** {@link #send}, waiting for the outcome. */
    Response call(Connection c, HttpMethod method, String uri, String accept, String body, int expected)
            throws Exception {
        return await(send(c, method, uri, accept, body, expected));
    }

    private Future<HttpClientResponse> open(Connection c, HttpMethod method, String uri, String accept, String body) {
        RequestOptions request = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(uri)
                .setTimeout(TIMEOUT_MILLIS).putHeader("Accept", accept);
        if (body != null) {
            request.putHeader("Content-Type", JSON);
        }
        return c.client().request(request).compose(r -> body == null ? r.send() : r.send(body));
    }

    private static <T> Future<T> onLoop(Connection c, Supplier<Future<T>> action) {
        Promise<T> done = Promise.promise();
        c.context().runOnContext(v -> action.get().onComplete(done));
        return done.future();
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** One client and the event-loop context all its requests are issued on. */
    record Connection(HttpClient client, Context context) {

        void close() {
            client.close();
        }
    }

    /** A complete response. */
    record Response(HttpVersion version, int status, Buffer body) {
    }
}
