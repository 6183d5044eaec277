package io.kubesim.server.http;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.json.Json;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.table.DefaultTable;
import io.kubesim.server.table.IncludeObject;
import io.kubesim.server.table.TableConvertor;
import io.kubesim.server.table.TableWriter;
import io.kubesim.server.watch.CachedObject;
import io.kubesim.server.watch.EventType;
import io.vertx.core.buffer.Buffer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tables through each kind's declared convertor (Name + Age for kinds that declare none). Thread-safe.
 */
final class TableResponses implements TableRenderer {

    private static final TableConvertor DEFAULT = new DefaultTable();

    private final Clock clock;

    TableResponses(Clock clock) {
        this.clock = clock;
    }

    private static TableConvertor convertor(ResourceDescriptor d) {
        return d.table() == null ? DEFAULT : d.table();
    }

    @Override
    public JsonNode list(ResourceDescriptor d, List<CachedObject> items, long revision, String continueToken,
                         String includeObject) {
        List<JsonNode> objects = new ArrayList<>(items.size());
        for (CachedObject o : items) {
            objects.add(Json.parse(o.json()));
        }
        return TableWriter.list(convertor(d), objects, IncludeObject.parse(includeObject), Long.toString(revision),
                continueToken, clock.instant());
    }

    @Override
    public JsonNode single(ResourceDescriptor d, byte[] object, String includeObject) {
        return TableWriter.single(convertor(d), Json.parse(object), IncludeObject.parse(includeObject),
                clock.instant());
    }

    @Override
    public FrameEncoder watchEncoder(ResourceDescriptor d, String includeObject) {
        IncludeObject include = IncludeObject.parse(includeObject);
        TableConvertor c = convertor(d);
        return new FrameEncoder() {
            private boolean columnsSent;

            @Override
            public Buffer event(EventType type, CachedObject object, byte[] sharedFrame) {
                ObjectNode table = TableWriter.watchObject(c, Json.parse(object.json()), include, !columnsSent,
                        clock.instant());
                columnsSent = true;
                return JsonFrames.frame(type.name(), table);
            }

            @Override
            public Buffer bookmark(long revision) {
                ObjectNode table = Json.object();
                table.put("kind", "Table");
                table.put("apiVersion", TableWriter.API_VERSION);
                table.putObject("metadata").put("resourceVersion", Long.toString(revision));
                table.putArray("rows");
                return JsonFrames.frame("BOOKMARK", table);
            }

            @Override
            public Buffer error(ApiException error) {
                return JsonFrames.frame("ERROR", StatusErrors.status(error));
            }
        };
    }
}
