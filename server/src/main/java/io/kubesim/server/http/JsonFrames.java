package io.kubesim.server.http;

import java.nio.charset.StandardCharsets;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.json.Json;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.watch.CachedObject;
import io.kubesim.server.watch.EventType;
import io.vertx.core.buffer.Buffer;
import tools.jackson.databind.node.ObjectNode;

/** Watch frames as plain JSON objects: the cache's shared frame bytes, unchanged. Stateless. */
final class JsonFrames implements FrameEncoder {

    private final ResourceDescriptor d;

    JsonFrames(ResourceDescriptor d) {
        this.d = d;
    }

    @Override
    public Buffer event(EventType type, CachedObject object, byte[] sharedFrame) {
        return Buffer.buffer(sharedFrame);
    }

    @Override
    public Buffer bookmark(long revision) {
        return frame("BOOKMARK", bookmarkObject(d, revision));
    }

    @Override
    public Buffer error(ApiException error) {
        return frame("ERROR", StatusErrors.status(error));
    }

    /** {@code {"kind":K,"apiVersion":V,"metadata":{"resourceVersion":"N"}}}. */
    static ObjectNode bookmarkObject(ResourceDescriptor d, long revision) {
        ObjectNode o = Json.object();
        o.put("kind", d.kind());
        o.put("apiVersion", d.apiVersion());
        o.putObject("metadata").put("resourceVersion", Long.toString(revision));
        return o;
    }

    static Buffer frame(String type, ObjectNode object) {
        ObjectNode e = Json.object();
        e.put("type", type);
        e.set("object", object);
        Buffer b = Buffer.buffer(Json.bytes(e));
        return b.appendString("\n", StandardCharsets.UTF_8.name());
    }
}
