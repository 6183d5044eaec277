package io.kubesim.server.http;

import java.util.concurrent.ThreadLocalRandom;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.registry.GenericStore;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.watch.Subscription;
import io.kubesim.server.watch.WatchFilter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves watches as newline-delimited JSON over a streaming HTTP/1.1 or HTTP/2 response, or as one
 * WebSocket text message per event (the Fabric8 client's first choice). Headers go out at once, so
 * clients never wait for the first event. Honours {@code resourceVersion} (replay from it, or the
 * current state first when absent), {@code timeoutSeconds} (otherwise a random 30–60 minutes, like
 * the real server) and {@code allowWatchBookmarks}. Thread-safe.
 */
final class WatchHandler {

    private static final long MIN_TIMEOUT_SECONDS = 1800;

    private final ApiServices api;

    WatchHandler(ApiServices api) {
        this.api = api;
    }

    void watch(RoutingContext ctx, ResourceDescriptor d, RequestInfo info) {
        ResponseFormat format = ResponseFormat.negotiate(ctx.request().getHeader("Accept"), true);
        ListOptions options = ListOptions.parse(ctx.queryParams());
        String fieldSelector = options.fieldSelector();
        if (info.name() != null) {
            String byName = "metadata.name=" + info.name();
            fieldSelector = fieldSelector == null || fieldSelector.isBlank() ? byName : fieldSelector + "," + byName;
        }
        WatchFilter filter = Filters.build(d, options.labelSelector(), fieldSelector);
        FrameEncoder encoder = format == ResponseFormat.TABLE
                ? api.tables().watchEncoder(d, options.includeObject()) : new JsonFrames(d);
        String contentType = format == ResponseFormat.TABLE ? ResponseFormat.TABLE.contentType() : "application/json";
        if (ctx.request().canUpgradeToWebSocket()) {
            ctx.request().toWebSocket().onSuccess(ws -> start(ctx.vertx(), FrameSinks.webSocket(ws), encoder, d, info,
                    options, filter)).onFailure(t -> StatusErrors.respond(ctx.response(), t));
            return;
        }
        HttpServerResponse response = ctx.response();
        response.setStatusCode(200).setChunked(true).putHeader("Content-Type", contentType);
        response.writeHead();
        start(ctx.vertx(), FrameSinks.http(response), encoder, d, info, options, filter);
    }

    private void start(Vertx vertx, FrameSink sink, FrameEncoder encoder, ResourceDescriptor d, RequestInfo info,
                       ListOptions options, WatchFilter filter) {
        Context context = vertx.getOrCreateContext();
        GenericStore store = api.store(d);
        String resource = d.qualifiedResource();
        long[] timers = {-1, -1};
        WatchStream stream = new WatchStream(context, sink, encoder, api.watchCapacity(), s -> {
            vertx.cancelTimer(timers[0]);
            vertx.cancelTimer(timers[1]);
            api.metrics().longRunning(info.metricLabels(), -1);
            api.metrics().watchEvents(resource, s.eventsSent());
        });
        api.metrics().longRunning(info.metricLabels(), 1);
        Subscription sub;
        try {
            sub = store.cache().watch(d.keyPrefix(info.namespace()), options.revision() <= 0 ? -1 : options.revision(),
                    filter, stream, (objects, revision) -> stream.initialState(objects));
        } catch (ApiException e) {
            stream.failAndEnd(e);
            return;
        }
        stream.attach(sub);
        long timeout = options.timeoutSeconds() != null && options.timeoutSeconds() > 0 ? options.timeoutSeconds()
                : MIN_TIMEOUT_SECONDS + ThreadLocalRandom.current().nextLong(MIN_TIMEOUT_SECONDS);
        timers[0] = vertx.setTimer(timeout * 1000, id -> stream.end());
        if (options.allowWatchBookmarks()) {
            timers[1] = vertx.setPeriodic(api.bookmarkMillis(), id -> sub.requestBookmark());
        }
    }
}
