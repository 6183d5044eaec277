package io.kubesim.server.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * One HTTPS server instance on one event loop. Several instances listen on the same port and
 * Vert.x spreads connections across them, so every core serves requests.
 */
public final class ApiVerticle extends VerticleBase {

    private final ApiRouter router;
    private final HttpServerOptions options;
    private HttpServer server;

    public ApiVerticle(ApiRouter router, HttpServerOptions options) {
        this.router = router;
        this.options = options;
    }

    @Override
    public Future<?> start() {
        server = vertx.createHttpServer(options).requestHandler(router.router(vertx));
        return server.listen();
    }

    /** The bound port (after start). */
    public int actualPort() {
        return server.actualPort();
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
