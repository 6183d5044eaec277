package io.kubesim.server.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.kubesim.server.json.Json;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.watch.CachedObject;
import io.vertx.core.buffer.Buffer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds {@code XxxList} bodies by concatenating the cached item bytes: a list of 100,000 pods is
 * copied, never re-serialized. Stateless.
 */
final class ListBodies {

    private ListBodies() {
    }

    static Buffer list(ResourceDescriptor d, List<CachedObject> items, long revision, String continueToken) {
        ObjectNode meta = Json.object();
        meta.put("resourceVersion", Long.toString(revision));
        if (continueToken != null) {
            meta.put("continue", continueToken);
        }
        int size = 128;
        for (CachedObject o : items) {
            size += o.json().length + 1;
        }
        Buffer out = Buffer.buffer(size);
        out.appendString("{\"kind\":\"").appendString(d.kind()).appendString("List\",\"apiVersion\":\"")
                .appendString(d.apiVersion()).appendString("\",\"metadata\":")
                .appendBytes(Json.bytes(meta)).appendString(",\"items\":[");
        boolean first = true;
        for (CachedObject o : items) {
            if (!first) {
                out.appendByte((byte) ',');
            }
            out.appendBytes(o.json());
            first = false;
        }
        out.appendString("]}", StandardCharsets.UTF_8.name());
        return out;
    }
}
