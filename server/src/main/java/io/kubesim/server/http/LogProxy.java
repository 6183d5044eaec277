package io.kubesim.server.http;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * Streams container logs from the node's kubelet endpoint to the client, as kube-apiserver proxies
 * {@code pods/log} to {@code /containerLogs/...} on the kubelet. Non-blocking: the kubelet's body is
 * piped with back-pressure, and a client that goes away closes the upstream request (so
 * {@code follow=true} streams end cleanly). Thread-safe.
 */
final class LogProxy {

    /** Query parameters of a log request that the kubelet understands. */
    private static final String[] PASSED = {"follow", "tailLines", "sinceSeconds", "sinceTime", "timestamps",
        "previous", "limitBytes"};

    private final HttpClient client;

    LogProxy(HttpClient client) {
        this.client = client;
    }

    /** Proxies to {@code hostPort} (e.g. {@code 127.0.0.1:10250}); on failure answers a Status. */
    void proxy(RoutingContext ctx, String hostPort, String namespace, String pod, String container) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        String uri = "/containerLogs/" + namespace + "/" + pod + "/" + container + query(ctx.queryParams());
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port).setURI(uri))
                .compose(request -> {
                    ctx.response().closeHandler(v -> request.reset());
                    return request.send();
                })
                .onSuccess(upstream -> relay(ctx, upstream))
                .onFailure(t -> StatusErrors.respond(ctx.response(), ApiException.internal("Get \"http://" + hostPort
                        + uri + "\": " + t.getMessage())));
    }

    private static void relay(RoutingContext ctx, HttpClientResponse upstream) {
        if (upstream.statusCode() != 200) {
            upstream.body().onComplete(b -> {
                String text = b.succeeded() ? b.result().toString().trim() : "";
                Reason reason = upstream.statusCode() == 404 ? Reason.NotFound : Reason.BadRequest;
                StatusErrors.respond(ctx.response(), new ApiException(reason, text));
            });
            return;
        }
        ctx.response().setStatusCode(200).setChunked(true).putHeader("Content-Type", "text/plain");
        upstream.pipeTo(ctx.response());
    }

    private static String query(MultiMap params) {
        StringBuilder sb = new StringBuilder();
        for (String name : PASSED) {
            String v = params.get(name);
            if (v != null) {
                sb.append(sb.length() == 0 ? '?' : '&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}
