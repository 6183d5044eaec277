package io.kubesim.server.http;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.FieldError;
import io.kubesim.server.api.Reason;
import io.kubesim.server.json.Json;
import io.kubesim.server.meta.LabelSelector;
import io.kubesim.server.registry.DeleteOptions;
import io.kubesim.server.registry.GenericStore;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.ScaleSpec;
import io.kubesim.server.registry.Subresource;
import io.kubesim.server.registry.WriteOptions;
import io.kubesim.server.storage.StoredObject;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The subresources every kind may declare, each implemented once: {@code status},
 * {@code scale}, {@code binding}, {@code eviction}, {@code log} and {@code finalize}. Thread-safe.
 */
final class SubresourceHandler {

    /** Node annotation with the host:port of the node agent's log endpoint. */
    static final String KUBELET_ADDRESS = "kubesim.io/kubelet-address";

    private final ApiServices api;
    private final ResourceHandler resources;
    SubresourceHandler(ApiServices api, ResourceHandler resources) {
        this.api = api;
        this.resources = resources;
    }

    void handle(RoutingContext ctx, ResourceDescriptor d, RequestInfo info) {
        Subresource sub = Subresource.fromPath(info.subresource());
        if (sub == null || !d.has(sub)) {
            throw new ApiException(Reason.NotFound, "the server could not find the requested resource");
        }
        switch (sub) {
            case STATUS -> status(ctx, d, info);
            case SCALE -> scale(ctx, d, info);
            case BINDING -> binding(ctx, d, info);
            case EVICTION -> eviction(ctx, d, info);
            case LOG -> log(ctx, d, info);
            case FINALIZE -> finalizeNamespace(ctx, d, info);
            default -> throw notAllowed(info);
        }
    }

    private void status(RoutingContext ctx, ResourceDescriptor d, RequestInfo info) {
        switch (info.verb()) {
            case "get" -> resources.get(ctx, d, info);
            case "update" -> resources.update(ctx, d, info, GenericStore.Target.STATUS);
            case "patch" -> resources.patch(ctx, d, info, GenericStore.Target.STATUS);
            default -> throw notAllowed(info);
        }
    }

    // ---------------------------------------------------------------- scale

    private void scale(RoutingContext ctx, ResourceDescriptor d, RequestInfo info) {
        ResponseFormat format = ResponseFormat.negotiate(ctx.request().getHeader("Accept"), false);
        GenericStore store = api.store(d);
        if (info.verb().equals("get")) {
            ObjectNode object = (ObjectNode) Json.parse(store.get(info.namespace(), info.name()).json());
            Responses.tree(ctx.response(), 200, toScale(object, d.scale()), format);
            return;
        }
        ObjectNode desiredScale;
        String mediaType = RequestBodies.mediaType(ctx.request().getHeader("Content-Type"));
        JsonNode body = RequestBodies.parse(ctx.body().buffer(), mediaType);
        if (info.verb().equals("update")) {
            if (!(body instanceof ObjectNode o)) {
                throw ApiException.badRequest("the body of the request must be a Scale object");
            }
            desiredScale = o;
        } else if (info.verb().equals("patch")) {
            desiredScale = null;
        } else {
            throw notAllowed(info);
        }
        WriteOptions options = ResourceHandler.writeOptions(ctx.queryParams());
        GenericStore.Mutation mutation = current -> {
            ObjectNode scale = desiredScale != null ? desiredScale
                    : api.patcher().apply(null, toScale(current, d.scale()), mediaType, body);
            JsonNode replicas = scale.path("spec").path("replicas");
            if (!replicas.isIntegralNumber() || replicas.asLong() < 0) {
                throw ApiException.invalid("autoscaling", "Scale", info.name(), java.util.List.of(
                        FieldError.invalid("spec.replicas", replicas.isMissingNode() ? 0 : replicas.asLong(),
                                "must be greater than or equal to 0")));
            }
            ObjectNode spec = (ObjectNode) current.at(parent(d.scale().specReplicas()));
            spec.put(leaf(d.scale().specReplicas()), replicas.asInt());
            String rv = Json.text(scale.path("metadata"), "resourceVersion");
            if (rv != null && !rv.isEmpty()) {
                Json.child(current, "metadata").put("resourceVersion", rv);
            }
            return current;
        };
        Future.fromCompletionStage(store.update(info.namespace(), info.name(), mutation, GenericStore.Target.MAIN,
                options, ResourceHandler.executor()), ctx.vertx().getOrCreateContext()).onComplete(r -> {
                    if (r.failed()) {
                        StatusErrors.respond(ctx.response(), r.cause());
                    } else {
                        ObjectNode stored = (ObjectNode) Json.parse(r.result().value());
                        Responses.tree(ctx.response(), 200, toScale(stored, d.scale()), format);
                    }
                });
    }

    /** The {@code autoscaling/v1 Scale} view of a scalable object. */
    private ObjectNode toScale(ObjectNode object, ScaleSpec spec) {
        ObjectNode scale = Json.object();
        scale.put("kind", "Scale");
        scale.put("apiVersion", "autoscaling/v1");
        ObjectNode meta = scale.putObject("metadata");
        JsonNode m = object.path("metadata");
        for (String f : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            if (m.has(f)) {
                meta.set(f, m.get(f));
            }
        }
        scale.putObject("spec").put("replicas", object.at(spec.specReplicas()).asInt(0));
        ObjectNode status = scale.putObject("status");
        status.put("replicas", object.at(spec.statusReplicas()).asInt(0));
        JsonNode selector = object.at(spec.selector());
        if (!selector.isMissingNode() && !selector.isNull()) {
            status.put("selector", LabelSelector.fromJson(selector).toString());
        }
        return scale;
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String leaf(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    // ---------------------------------------------------------------- binding

    private void binding(RoutingContext ctx, ResourceDescriptor d, RequestInfo info) {
        if (!info.verb().equals("create")) {
            throw notAllowed(info);
        }
        JsonNode body = RequestBodies.parse(ctx.body().buffer(),
                RequestBodies.mediaType(ctx.request().getHeader("Content-Type")));
        String bindingName = Json.text(body.path("metadata"), "name");
        if (bindingName != null && !bindingName.isEmpty() && !bindingName.equals(info.name())) {
            throw ApiException.badRequest("name in URL does not match name in Binding object");
        }
        String node = Json.text(body.path("target"), "name");
        if (node == null || node.isEmpty()) {
            throw ApiException.invalid("", "Binding", info.name(), java.util.List.of(
                    FieldError.required("target.name", "")));
        }
        JsonNode annotations = body.path("metadata").path("annotations");
        GenericStore.Mutation bind = pod -> {
            ObjectNode meta = Json.child(pod, "metadata");
            if (meta.hasNonNull("deletionTimestamp")) {
                throw ApiException.conflict("pods", "", "pods", info.name(), "pod " + info.name()
                        + " is being deleted, cannot be assigned to a host");
            }
            String assigned = Json.text(pod.path("spec"), "nodeName");
            if (assigned != null && !assigned.isEmpty()) {
                throw ApiException.conflict("pods/binding", "", "pods/binding", info.name(), "pod " + info.name()
                        + " is already assigned to node \"" + assigned + "\"");
            }
            Json.child(pod, "spec").put("nodeName", node);
            if (annotations.isObject()) {
                ObjectNode a = Json.child(meta, "annotations");
                annotations.properties().forEach(e -> a.set(e.getKey(), e.getValue()));
            }
            setCondition(Json.child(pod, "status"), "PodScheduled", "True");
            return pod;
        };
        Future.fromCompletionStage(api.store(d).update(info.namespace(), info.name(), bind, GenericStore.Target.SYSTEM,
                ResourceHandler.writeOptions(ctx.queryParams()), ResourceHandler.executor()),
                ctx.vertx().getOrCreateContext()).onComplete(r -> {
                    if (r.failed()) {
                        StatusErrors.respond(ctx.response(), r.cause());
                    } else {
                        Responses.tree(ctx.response(), 201, StatusErrors.success(201), ResponseFormat.JSON);
                    }
                });
    }

    /** Replaces the condition of {@code type} as upstream's UpdatePodCondition does (no stale reason or message). */
    private static void setCondition(ObjectNode status, String type, String value) {
        ArrayNode conditions = status.has("conditions") && status.get("conditions").isArray()
                ? (ArrayNode) status.get("conditions") : status.putArray("conditions");
        String now = java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        ObjectNode c = Json.object();
        c.put("type", type);
        c.put("status", value);
        c.putNull("lastProbeTime");
        c.put("lastTransitionTime", now);
        for (int i = 0; i < conditions.size(); i++) {
            JsonNode existing = conditions.get(i);
            if (type.equals(Json.text(existing, "type"))) {
                if (value.equals(Json.text(existing, "status"))) {
                    c.set("lastTransitionTime", existing.get("lastTransitionTime"));
                }
                conditions.set(i, c);
                return;
            }
        }
        conditions.add(c);
    }

    // ---------------------------------------------------------------- eviction

    private void eviction(RoutingContext ctx, ResourceDescriptor d, RequestInfo info) {
        if (!info.verb().equals("create")) {
            throw notAllowed(info);
        }
        JsonNode body = RequestBodies.parse(ctx.body().buffer(),
                RequestBodies.mediaType(ctx.request().getHeader("Content-Type")));
        String evictionName = Json.text(body.path("metadata"), "name");
        if (evictionName != null && !evictionName.isEmpty() && !evictionName.equals(info.name())) {
            throw ApiException.badRequest("name in URL does not match name in Eviction object");
        }
        JsonNode opts = body.path("deleteOptions");
        Long grace = opts.hasNonNull("gracePeriodSeconds") ? opts.get("gracePeriodSeconds").asLong() : null;
        boolean dryRun = false;
        for (JsonNode v : opts.path("dryRun")) {
            dryRun |= "All".equals(v.asString());
        }
        JsonNode pre = opts.path("preconditions");
        DeleteOptions options = new DeleteOptions(grace, Json.text(opts, "propagationPolicy"), Json.text(pre, "uid"),
                Json.text(pre, "resourceVersion"), dryRun);
        Future.fromCompletionStage(api.store(d).delete(info.namespace(), info.name(), options,
                ResourceHandler.executor()), ctx.vertx().getOrCreateContext()).onComplete(r -> {
                    if (r.failed()) {
                        StatusErrors.respond(ctx.response(), r.cause());
                    } else {
                        Responses.tree(ctx.response(), 201, StatusErrors.success(201), ResponseFormat.JSON);
                    }
                });
    }

    // ---------------------------------------------------------------- log

    private void log(RoutingContext ctx, ResourceDescriptor d, RequestInfo info) {
        if (!info.verb().equals("get")) {
            throw notAllowed(info);
        }
        JsonNode pod = Json.parse(api.store(d).get(info.namespace(), info.name()).json());
        String container = ctx.queryParams().get("container");
        JsonNode containers = pod.path("spec").path("containers");
        if (container == null || container.isEmpty()) {
            if (containers.size() != 1) {
                throw ApiException.badRequest("a container name must be specified for pod " + info.name()
                        + ", choose one of: " + names(containers));
            }
            container = Json.text(containers.get(0), "name");
        }
        JsonNode state = null;
        for (JsonNode cs : pod.path("status").path("containerStatuses")) {
            if (container.equals(Json.text(cs, "name"))) {
                state = cs.path("state");
            }
        }
        boolean known = false;
        for (JsonNode c : containers) {
            known |= container.equals(Json.text(c, "name"));
        }
        if (!known) {
            throw ApiException.badRequest("container " + container + " is not valid for pod " + info.name());
        }
        String node = Json.text(pod.path("spec"), "nodeName");
        if (node == null || node.isEmpty()) {
            // No node to ask: the real server streams an empty log for a pod that is not scheduled yet.
            Responses.text(ctx.response(), 200, "");
            return;
        }
        if (state == null || state.has("waiting") || state.isEmpty()) {
            String reason = state == null ? "ContainerCreating" : state.path("waiting").path("reason")
                    .asString("ContainerCreating");
            throw ApiException.badRequest("container \"" + container + "\" in pod \"" + info.name()
                    + "\" is waiting to start: " + reason);
        }
        String address = kubeletAddress(node);
        if (address == null) {
            throw ApiException.badRequest("pod " + info.name() + " has no reachable node for its logs");
        }
        api.logs().proxy(ctx, address, info.namespace(), info.name(), container);
    }

    /** The simulated kubelet's log endpoint, advertised by the node agent on the Node. */
    private String kubeletAddress(String node) {
        ResourceDescriptor nodes = api.registry().byResource("", "v1", "nodes").orElseThrow();
        var cached = api.store(nodes).cache().get(nodes.key(null, node));
        if (cached == null) {
            return null;
        }
        return Json.text(Json.parse(cached.json()).path("metadata").path("annotations"), KUBELET_ADDRESS);
    }

    private static String names(JsonNode containers) {
        StringBuilder sb = new StringBuilder("[");
        for (JsonNode c : containers) {
            if (sb.length() > 1) {
                sb.append(' ');
            }
            sb.append(Json.text(c, "name"));
        }
        return sb.append(']').toString();
    }

    // ---------------------------------------------------------------- finalize

    private void finalizeNamespace(RoutingContext ctx, ResourceDescriptor d, RequestInfo info) {
        if (!info.verb().equals("update")) {
            throw notAllowed(info);
        }
        ObjectNode body = RequestBodies.decodeObject(ctx.body().buffer(), ctx.request().getHeader("Content-Type"), d,
                api.protobuf());
        RequestBodies.checkName(body, info.name());
        JsonNode finalizers = body.path("spec").path("finalizers");
        GenericStore.Mutation setFinalizers = ns -> {
            if (finalizers.isArray()) {
                Json.child(ns, "spec").set("finalizers", finalizers);
            } else {
                Json.child(ns, "spec").remove("finalizers");
            }
            String rv = Json.text(body.path("metadata"), "resourceVersion");
            if (rv != null && !rv.isEmpty()) {
                Json.child(ns, "metadata").put("resourceVersion", rv);
            }
            return ns;
        };
        ResourceHandler.reply(ctx, api.store(d).update(info.namespace(), info.name(), setFinalizers,
                GenericStore.Target.SYSTEM, ResourceHandler.writeOptions(ctx.queryParams()),
                ResourceHandler.executor()).thenApply(StoredObject.class::cast), 200, ResponseFormat.JSON);
    }

    private static ApiException notAllowed(RequestInfo info) {
        return new ApiException(Reason.MethodNotAllowed, "the server does not allow this method on the requested "
                + "resource");
    }
}
