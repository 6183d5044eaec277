package io.kubesim.server.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.auth.ClientCertAuthenticator;
import io.kubesim.server.auth.UserInfo;
import io.kubesim.server.discovery.DiscoveryDocuments;
import io.kubesim.server.openapi.OpenApiDocuments;
import io.kubesim.server.registry.GenericStore;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.Verb;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The entire route table of the API server, and the edge concerns every request shares:
 * authentication, request metrics, the access log and error mapping. Resource paths are parsed
 * generically ({@link RequestInfo}) and dispatched by verb and subresource; no route exists per kind.
 */
public final class ApiRouter {

    private static final Logger ACCESS = LoggerFactory.getLogger("io.kubesim.server.access");
    /** Requests larger than this are refused with 413, like the real server's 3 MiB limit. */
    public static final long MAX_BODY_BYTES = 3L * 1024 * 1024;
    private static final String USER = "kubesim.user";
    private static final String INFO = "kubesim.requestInfo";

    private final ApiServices api;
    private final DiscoveryDocuments discovery;
    private final OpenApiDocuments openApi;
    private final VersionInfo version;
    private final ClientCertAuthenticator authenticator = new ClientCertAuthenticator();
    private final ResourceHandler resources;
    private final WatchHandler watches;
    private final SubresourceHandler subresources;
    private final java.util.function.BooleanSupplier ready;

    public ApiRouter(ApiServices api, DiscoveryDocuments discovery, OpenApiDocuments openApi, VersionInfo version,
                     java.util.function.BooleanSupplier ready) {
        this.api = api;
        this.discovery = discovery;
        this.openApi = openApi;
        this.version = version;
        this.ready = ready;
        this.resources = new ResourceHandler(api);
        this.watches = new WatchHandler(api);
        this.subresources = new SubresourceHandler(api, resources);
    }

    /** Builds the router for one event loop's HTTP server. */
    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(this::instrument);
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
        router.route().handler(ctx -> {
            // a WebSocket watch must reach its handler with the request unread, or the upgrade fails
            if (ctx.request().canUpgradeToWebSocket()) {
                ctx.next();
            } else {
                bodies.handle(ctx);
            }
        });
        router.get("/version").handler(ctx -> Responses.json(ctx.response(), 200, version.json(), ResponseFormat.JSON));
        for (String health : new String[] {"/healthz", "/livez"}) {
            router.get(health).handler(ctx -> Responses.text(ctx.response(), 200, "ok"));
        }
        router.get("/readyz").handler(ctx -> {
            if (ready.getAsBoolean()) {
                Responses.text(ctx.response(), 200, "ok");
            } else {
                Responses.text(ctx.response(), 503, "[-]storage not ready\nreadyz check failed");
            }
        });
        router.route().handler(this::authenticate);
        router.get("/metrics").handler(ctx -> ctx.response().putHeader("Content-Type",
                "text/plain; version=0.0.4; charset=utf-8").end(api.metrics().scrape()));
        router.get("/api").handler(ctx -> discoveryRoot(ctx, true));
        router.get("/apis").handler(ctx -> discoveryRoot(ctx, false));
        router.get("/openapi/v3").handler(this::openApiRoot);
        router.get("/openapi/v3/*").handler(this::openApiDocument);
        router.route("/api/*").handler(this::api);
        router.route("/apis/*").handler(this::api);
        router.route().handler(ctx -> StatusErrors.respond(ctx.response(),
                new ApiException(Reason.NotFound, "the server could not find the requested resource")));
        router.route().failureHandler(this::failure);
        return router;
    }

    // ---------------------------------------------------------------- edge

    private void instrument(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(v -> {
            RequestInfo info = ctx.get(INFO);
            int code = ctx.response().getStatusCode();
            long nanos = System.nanoTime() - start;
            if (info != null) {
                api.metrics().request(info.metricLabels(), code, nanos);
            }
            if (ACCESS.isDebugEnabled()) {
                UserInfo user = ctx.get(USER);
                ACCESS.debug("{} {} {} {}ms user={}", ctx.request().method(), ctx.request().uri(), code,
                        nanos / 1_000_000, user == null ? "-" : user.name());
            }
        });
        ctx.next();
    }

    private void authenticate(RoutingContext ctx) {
        UserInfo user = authenticator.authenticate(ctx.request());
        if (user == null) {
            StatusErrors.respond(ctx.response(), new ApiException(Reason.Unauthorized, "Unauthorized"));
            return;
        }
        ctx.put(USER, user);
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure == null) {
            int code = ctx.statusCode();
            failure = code == 413
                    ? new ApiException(Reason.RequestEntityTooLarge, "Request entity too large: limit is "
                            + MAX_BODY_BYTES)
                    : new ApiException(code == 404 ? Reason.NotFound : Reason.BadRequest,
                            "the server could not handle the request (status " + code + ")");
        }
        StatusErrors.respond(ctx.response(), failure);
    }

    // ---------------------------------------------------------------- discovery and OpenAPI

    private void discoveryRoot(RoutingContext ctx, boolean core) {
        String accept = ctx.request().getHeader("Accept");
        String aggregated = aggregatedVersion(accept);
        if (aggregated != null) {
            ctx.response().putHeader("Content-Type", "application/json;g=apidiscovery.k8s.io;v=" + aggregated
                    + ";as=APIGroupDiscoveryList").putHeader("Vary", "Accept")
                    .end(Buffer.buffer(discovery.aggregated(core, aggregated)));
            return;
        }
        byte[] body = core ? discovery.legacyCore(ctx.request().authority() == null ? "127.0.0.1"
                : ctx.request().authority().toString()) : discovery.legacyGroups();
        ctx.response().putHeader("Vary", "Accept");
        Responses.json(ctx.response(), 200, body, ResponseFormat.JSON);
    }

    /** The first aggregated-discovery version the client lists before plain JSON, or null. */
    static String aggregatedVersion(String accept) {
        if (accept == null) {
            return null;
        }
        for (String range : accept.split(",")) {
            String r = range.replace(" ", "");
            if (r.contains("g=apidiscovery.k8s.io") && r.contains("as=APIGroupDiscoveryList")) {
                if (r.contains("v=v2beta1")) {
                    return "v2beta1";
                }
                if (r.contains("v=v2")) {
                    return "v2";
                }
            } else if (r.startsWith("application/json") || r.startsWith("*/*")) {
                return null;
            }
        }
        return null;
    }

    private void openApiRoot(RoutingContext ctx) {
        String etag = openApi.rootEtag();
        ctx.response().putHeader("ETag", etag).putHeader("Vary", "Accept");
        if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        Responses.json(ctx.response(), 200, openApi.root(), ResponseFormat.JSON);
    }

    private void openApiDocument(RoutingContext ctx) {
        String path = ctx.request().path().substring("/openapi/v3/".length());
        OpenApiDocuments.Document doc = openApi.document(path);
        if (doc == null) {
            throw new ApiException(Reason.NotFound, "the server could not find the requested resource");
        }
        String etag = "\"" + doc.hash() + "\"";
        ctx.response().putHeader("ETag", etag).putHeader("Vary", "Accept");
        if (doc.hash().equals(ctx.request().getParam("hash"))) {
            ctx.response().putHeader("Cache-Control", "public, immutable")
                    .putHeader("Expires", "Thu, 31 Dec 2099 23:59:59 GMT");
        }
        if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        Responses.json(ctx.response(), 200, doc.json(), ResponseFormat.JSON);
    }

    // ---------------------------------------------------------------- resources

    private void api(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        try {
            RequestInfo info = RequestInfo.parse(request.method().name(), request.path(),
                    ListOptions.bool(request.getParam("watch")));
            if (info == null) {
                groupDiscovery(ctx);
                return;
            }
            ctx.put(INFO, info);
            dispatch(ctx, info);
        } catch (RuntimeException e) {
            StatusErrors.respond(ctx.response(), e);
        }
    }

    private void groupDiscovery(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.GET) {
            throw new ApiException(Reason.MethodNotAllowed, "the server does not allow this method on the requested "
                    + "resource");
        }
        String[] parts = ctx.request().path().replaceAll("^/+|/+$", "").split("/");
        byte[] body = null;
        if (parts.length == 2 && parts[0].equals("api")) {
            body = discovery.resourceList("", parts[1]);
        } else if (parts.length == 3 && parts[0].equals("apis")) {
            body = discovery.resourceList(parts[1], parts[2]);
        } else if (parts.length == 2 && parts[0].equals("apis")) {
            body = discovery.group(parts[1]);
        }
        if (body == null) {
            throw new ApiException(Reason.NotFound, "the server could not find the requested resource");
        }
        Responses.json(ctx.response(), 200, body, ResponseFormat.JSON);
    }

    private void dispatch(RoutingContext ctx, RequestInfo info) {
        ResourceDescriptor d = api.registry().byResource(info.group(), info.version(), info.resource())
                .orElseThrow(() -> new ApiException(Reason.NotFound,
                        "the server could not find the requested resource"));
        boolean itemPath = info.name() != null;
        if (d.namespaced() == (info.namespace() == null) && (itemPath || info.verb().equals("create")
                || info.verb().equals("deletecollection"))) {
            throw new ApiException(Reason.NotFound, "the server could not find the requested resource");
        }
        if (!d.namespaced() && info.namespace() != null) {
            throw new ApiException(Reason.NotFound, "the server could not find the requested resource");
        }
        if (info.subresource() != null) {
            subresources.handle(ctx, d, info);
            return;
        }
        Verb verb = switch (info.verb()) {
            case "get" -> Verb.get;
            case "list" -> Verb.list;
            case "watch" -> Verb.watch;
            case "create" -> Verb.create;
            case "update" -> Verb.update;
            case "patch" -> Verb.patch;
            case "delete" -> Verb.delete;
            case "deletecollection" -> Verb.deletecollection;
            default -> null;
        };
        boolean itemVerb = verb == Verb.update || verb == Verb.patch;
        if (verb == null || !d.supports(verb) || (verb == Verb.create && itemPath) || (itemVerb && !itemPath)) {
            throw new ApiException(Reason.MethodNotAllowed, "the server does not allow this method on the requested "
                    + "resource");
        }
        switch (verb) {
            case get -> resources.get(ctx, d, info);
            case list -> resources.list(ctx, d, info);
            case watch -> watches.watch(ctx, d, info);
            case create -> resources.create(ctx, d, info);
            case update -> resources.update(ctx, d, info, GenericStore.Target.MAIN);
            case patch -> resources.patch(ctx, d, info, GenericStore.Target.MAIN);
            case delete -> resources.delete(ctx, d, info);
            case deletecollection -> resources.deleteCollection(ctx, d, info);
            default -> throw new IllegalStateException();
        }
    }
}
