package io.kubesim.server.http;

import java.util.Map;

import io.kubesim.server.metrics.ApiMetrics;
import io.kubesim.server.registry.GenericStore;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.ResourceRegistry;
import io.kubesim.server.proto.ProtobufBodies;
import io.kubesim.server.schema.SchemaRegistry;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClient;

/**
 * What the HTTP layer works with, shared by every event loop: the registry, one generic store per
 * resource, the pluggable codecs, and the worker pool for large lists. Immutable.
 *
 * @param listPool       unordered worker pool for list serialization and Table rendering
 * @param watchCapacity  events a watcher may fall behind before it is closed
 * @param bookmarkMillis interval of watch bookmarks for clients that allow them
 */
public record ApiServices(
        ResourceRegistry registry,
        Map<ResourceDescriptor, GenericStore> stores,
        RequestBodies.ProtobufDecoder protobuf,
        ObjectPatcher patcher,
        BodyValidation validation,
        TableRenderer tables,
        LogProxy logs,
        ApiMetrics metrics,
        WorkerExecutor listPool,
        int watchCapacity,
        long bookmarkMillis) {

    /** The services with the server's own codecs: protobuf bodies, schema-aware patches, Tables. */
    public static ApiServices create(ResourceRegistry registry, Map<ResourceDescriptor, GenericStore> stores,
                                     ApiMetrics metrics, WorkerExecutor listPool, HttpClient kubeletClient,
                                     java.time.Clock clock, int watchCapacity, long bookmarkMillis) {
        SchemaRegistry schemas = new SchemaRegistry();
        registry.all().stream().filter(d -> d.modelClass() != null).forEach(d -> schemas.warmUp(d.modelClass()));
        return new ApiServices(registry, stores, ProtobufBodies::decode, new SchemaPatcher(schemas),
                new BodyValidation(schemas), new TableResponses(clock), new LogProxy(kubeletClient), metrics, listPool, watchCapacity,
                bookmarkMillis);
    }

    public GenericStore store(ResourceDescriptor d) {
        GenericStore s = stores.get(d);
        if (s == null) {
            throw new IllegalStateException("no store for " + d.qualifiedResource());
        }
        return s;
    }
}
