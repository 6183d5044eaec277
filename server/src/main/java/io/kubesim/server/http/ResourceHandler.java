package io.kubesim.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.json.Json;
import io.kubesim.server.registry.DeleteOptions;
import io.kubesim.server.registry.GenericStore;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.WriteOptions;
import io.kubesim.server.storage.StoredObject;
import io.kubesim.server.watch.CacheList;
import io.kubesim.server.watch.CachedObject;
import io.kubesim.server.watch.WatchFilter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generic REST verbs on a main resource: get, list, create, update (PUT), patch, delete and
 * deletecollection, for every kind. Runs on the request's event loop; list rendering goes to the
 * worker pool. Stateless apart from its shared services; thread-safe.
 */
final class ResourceHandler {

    private final ApiServices api;

    ResourceHandler(ApiServices api) {
        this.api = api;
    }

    void get(RoutingContext ctx, ResourceDescriptor d, RequestInfo info) {
        ResponseFormat format = ResponseFormat.negotiate(ctx.request().getHeader("Accept"), true);
        CachedObject o = api.store(d).get(info.namespace(), info.name());
        if (format == ResponseFormat.TABLE) {
            String include = ListOptions.parse(ctx.queryParams()).includeObject();
            Responses.tree(ctx.response(), 200, api.tables().single(d, o.json(), include), format);
        } else {
            Responses.json(ctx.response(), 200, o.json(), format);
        }
    }

    void list(RoutingContext ctx, ResourceDescriptor d, RequestInfo info) {
        ResponseFormat format = ResponseFormat.negotiate(ctx.request().getHeader("Accept"), true);
        ListOptions options = ListOptions.parse(ctx.queryParams());
        GenericStore store = api.store(d);
        WatchFilter filter = Filters.build(d, options.labelSelector(), options.fieldSelector());
        String prefix = d.keyPrefix(info.namespace());
        String startAfter = null;
        long atRevision = 0;
        if (options.continueToken() != null) {
            ContinueTokens.Position p = ContinueTokens.decode(options.continueToken(), prefix);
            startAfter = p.startAfter();
            atRevision = p.revision();
        } else if ("Exact".equals(options.resourceVersionMatch())) {
            atRevision = options.revision();
            if (atRevision <= 0) {
                throw ApiException.badRequest("resourceVersionMatch: Forbidden: resourceVersionMatch \"Exact\" is "
                        + "forbidden for resourceVersion \"" + options.resourceVersion() + "\"");
            }
        } else if (options.revision() > store.cache().revision()) {
            throw new ApiException(Reason.Timeout, "Too large resource version: " + options.revision()
                    + ", current: " + store.cache().revision(),
                    new ApiException.StatusDetails(null, null, null, List.of(
                            new ApiException.Cause("ResourceVersionTooLarge", "Too large resource version", null)),
                            1));
        }
        String start = startAfter;
        long at = atRevision;
        api.listPool().executeBlocking(() -> {
            CacheList page = store.list(info.namespace(), start, options.limit(), at, filter);
            String token = page.more() ? ContinueTokens.encode(page.revision(), page.lastKey(), prefix) : null;
            if (format == ResponseFormat.TABLE) {
                return Buffer.buffer(Json.bytes(api.tables().list(d, page.items(), page.revision(), token,
                        options.includeObject())));
            }
            return ListBodies.list(d, page.items(), page.revision(), token);
        }, false).onComplete(r -> {
            if (r.failed()) {
                StatusErrors.respond(ctx.response(), r.cause());
            } else if (format == ResponseFormat.YAML) {
                Responses.yaml(ctx.response(), 200, Json.parse(r.result().getBytes()));
            } else {
                ctx.response().setStatusCode(200).putHeader("Content-Type", format == ResponseFormat.TABLE
                        ? ResponseFormat.TABLE.contentType() : "application/json").end(r.result());
            }
        });
    }

    void create(RoutingContext ctx, ResourceDescriptor d, RequestInfo info) {
        ResponseFormat format = ResponseFormat.negotiate(ctx.request().getHeader("Accept"), false);
        ObjectNode object = RequestBodies.decodeObject(ctx.body().buffer(), ctx.request().getHeader("Content-Type"),
                d, api.protobuf());
        RequestBodies.checkNamespace(object, info.namespace(), d);
        WriteOptions options = writeOptions(ctx.queryParams());
        api.validation().checkObject(d, object, options, ctx.response());
        reply(ctx, api.store(d).create(info.namespace(), object, options, executor()), 201, format);
    }

    void update(RoutingContext ctx, ResourceDescriptor d, RequestInfo info, GenericStore.Target target) {
        ResponseFormat format = ResponseFormat.negotiate(ctx.request().getHeader("Accept"), false);
        ObjectNode object = RequestBodies.decodeObject(ctx.body().buffer(), ctx.request().getHeader("Content-Type"),
                d, api.protobuf());
        RequestBodies.checkNamespace(object, info.namespace(), d);
        RequestBodies.checkName(object, info.name());
        WriteOptions options = writeOptions(ctx.queryParams());
        api.validation().checkObject(d, object, options, ctx.response());
        reply(ctx, api.store(d).update(info.namespace(), info.name(), current -> object.deepCopy(), target, options,
                executor()), 200, format);
    }

    void patch(RoutingContext ctx, ResourceDescriptor d, RequestInfo info, GenericStore.Target target) {
        ResponseFormat format = ResponseFormat.negotiate(ctx.request().getHeader("Accept"), false);
        String mediaType = RequestBodies.mediaType(ctx.request().getHeader("Content-Type"));
        JsonNode patch = RequestBodies.parse(ctx.body().buffer(), mediaType);
        WriteOptions options = writeOptions(ctx.queryParams());
        GenericStore store = api.store(d);
        GenericStore.Mutation mutation = current -> {
            ObjectNode patched = api.patcher().apply(d, current, mediaType, patch);
            RequestBodies.checkKind(patched, d);
            RequestBodies.checkName(patched, info.name());
            api.validation().checkPatched(d, patched, patch, options, ctx.response());
            return patched;
        };
        boolean apply = mediaType.equals("application/apply-patch+yaml");
        if (apply && store.cache().get(d.key(info.namespace(), info.name())) == null) {
            // server-side apply of a missing object creates it
            if (!(patch instanceof ObjectNode intent)) {
                throw ApiException.badRequest("the body of an apply patch must be an object");
            }
            RequestBodies.checkKind(intent, d);
            RequestBodies.checkNamespace(intent, info.namespace(), d);
            RequestBodies.checkName(intent, info.name());
            api.validation().checkObject(d, intent, options, ctx.response());
            reply(ctx, store.create(info.namespace(), intent, options, executor()), 201, format);
            return;
        }
        reply(ctx, store.update(info.namespace(), info.name(), mutation, target, options, executor()), 200, format);
    }

    void delete(RoutingContext ctx, ResourceDescriptor d, RequestInfo info) {
        ResponseFormat format = ResponseFormat.negotiate(ctx.request().getHeader("Accept"), false);
        DeleteOptions options = deleteOptions(ctx);
        reply(ctx, api.store(d).delete(info.namespace(), info.name(), options, executor())
                .thenApply(GenericStore.DeleteResult::object), 200, format);
    }

    void deleteCollection(RoutingContext ctx, ResourceDescriptor d, RequestInfo info) {
        ResponseFormat format = ResponseFormat.negotiate(ctx.request().getHeader("Accept"), false);
        ListOptions list = ListOptions.parse(ctx.queryParams());
        DeleteOptions options = deleteOptions(ctx);
        GenericStore store = api.store(d);
        WatchFilter filter = Filters.build(d, list.labelSelector(), list.fieldSelector());
        CacheList all = store.list(info.namespace(), null, 0, 0, filter);
        Executor executor = executor();
        List<CompletableFuture<GenericStore.DeleteResult>> deletes = new ArrayList<>();
        for (CachedObject o : all.items()) {
            CompletableFuture<GenericStore.DeleteResult> one;
            try {
                one = store.delete(o.namespace(), o.name(), options, executor);
            } catch (ApiException e) {
                if (e.reason() == Reason.NotFound) {
                    continue;
                }
                throw e;
            }
            deletes.add(one.exceptionally(t -> {
                ApiException e = StatusErrors.toApiException(t);
                if (e.reason() == Reason.NotFound) {
                    return null;
                }
                throw e;
            }));
        }
        CompletableFuture<Void> done = CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new));
        Future.fromCompletionStage(done, ctx.vertx().getOrCreateContext()).onComplete(r -> {
            if (r.failed()) {
                StatusErrors.respond(ctx.response(), r.cause());
                return;
            }
            List<CachedObject> deleted = new ArrayList<>();
            for (CompletableFuture<GenericStore.DeleteResult> one : deletes) {
                GenericStore.DeleteResult res = one.join();
                if (res != null) {
                    StoredObject s = res.object();
                    deleted.add(new CachedObject(s.key(), null, null, null, s.modRevision(), s.value(), null, null));
                }
            }
            Buffer body = ListBodies.list(d, deleted, store.cache().revision(), null);
            if (format == ResponseFormat.YAML) {
                Responses.yaml(ctx.response(), 200, Json.parse(body.getBytes()));
            } else {
                Responses.json(ctx.response(), 200, body);
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    /** Completes the request with the stored object once the write is acknowledged. */
    static void reply(RoutingContext ctx, CompletableFuture<StoredObject> write, int code, ResponseFormat format) {
        Future.fromCompletionStage(write, ctx.vertx().getOrCreateContext()).onComplete(r -> {
            if (r.failed()) {
                StatusErrors.respond(ctx.response(), r.cause());
            } else {
                Responses.json(ctx.response(), code, r.result().value(), format);
            }
        });
    }

    /** Runs retries on the calling event loop. */
    static Executor executor() {
        Context context = io.vertx.core.Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("must be called on a Vert.x context");
        }
        return r -> context.runOnContext(v -> r.run());
    }

    static WriteOptions writeOptions(MultiMap q) {
        boolean dryRun = dryRun(q.getAll("dryRun"));
        String fv = q.get("fieldValidation");
        WriteOptions.FieldValidation validation;
        if (fv == null || fv.isEmpty()) {
            validation = WriteOptions.FieldValidation.Warn;
        } else {
            validation = switch (fv) {
                case "Strict" -> WriteOptions.FieldValidation.Strict;
                case "Warn" -> WriteOptions.FieldValidation.Warn;
                case "Ignore" -> WriteOptions.FieldValidation.Ignore;
                default -> throw ApiException.badRequest("fieldValidation: Unsupported value: \"" + fv
                        + "\": supported values: \"Ignore\", \"Strict\", \"Warn\"");
            };
        }
        return new WriteOptions(dryRun, validation, q.get("fieldManager"));
    }

    private static boolean dryRun(List<String> values) {
        for (String v : values) {
            if (v.equals("All")) {
                return true;
            }
            if (!v.isEmpty()) {
                throw ApiException.badRequest("dryRun: Unsupported value: \"" + v + "\": supported values: \"All\"");
            }
        }
        return false;
    }

    /** DeleteOptions from the JSON body (kubectl) or the query string (other clients). */
    static DeleteOptions deleteOptions(RoutingContext ctx) {
        MultiMap q = ctx.queryParams();
        Long grace = q.contains("gracePeriodSeconds") ? parseLong(q.get("gracePeriodSeconds"), "gracePeriodSeconds")
                : null;
        String policy = q.get("propagationPolicy");
        boolean dryRun = dryRun(q.getAll("dryRun"));
        String uid = null;
        String rv = null;
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body != null && body.length() > 0) {
            JsonNode o = RequestBodies.parse(body, "application/json");
            if (o.has("gracePeriodSeconds") && !o.get("gracePeriodSeconds").isNull()) {
                grace = o.get("gracePeriodSeconds").asLong();
            }
            if (o.hasNonNull("propagationPolicy")) {
                policy = o.get("propagationPolicy").asString();
            } else if (o.hasNonNull("orphanDependents")) {
                policy = o.get("orphanDependents").asBoolean() ? "Orphan" : "Background";
            }
            JsonNode pre = o.path("preconditions");
            uid = Json.text(pre, "uid");
            rv = Json.text(pre, "resourceVersion");
            JsonNode dr = o.get("dryRun");
            if (dr instanceof ArrayNode arr) {
                List<String> values = new ArrayList<>();
                arr.forEach(v -> values.add(v.asString()));
                dryRun = dryRun || dryRun(values);
            }
        }
        if (grace != null && grace < 0) {
            grace = 0L;
        }
        return new DeleteOptions(grace, policy, uid, rv, dryRun);
    }

    private static long parseLong(String v, String name) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + ": Invalid value: \"" + v + "\": must be an integer");
        }
    }
}
