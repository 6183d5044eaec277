package io.kubesim.server.table;

import java.time.Instant;
import java.util.List;

import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders {@code meta.k8s.io/v1} Table objects from a {@link TableConvertor}, shaped like
 * kube-apiserver's: {@code kind}, {@code apiVersion}, {@code metadata} ({@code resourceVersion},
 * {@code continue} only when non-empty), {@code columnDefinitions}, {@code rows} with
 * {@code cells}, {@code conditions} (only when there are some) and {@code object}.
 *
 * <p>Stateless and thread-safe. The given objects are never modified, but a returned table shares
 * subtrees with them (each row's {@code object}), so neither may be modified afterwards: callers
 * hand in trees parsed for this response alone. Copying would double the work of a Table list,
 * which is dominated by building trees for every object.
 */
public final class TableWriter {

    public static final String API_VERSION = "meta.k8s.io/v1";

    private TableWriter() {
    }

    /**
     * The Table for a list response.
     *
     * @param resourceVersion the list's resourceVersion; {@code kubectl get -w} watches from it
     * @param continueToken the list's continue token; null or empty when this is the last page
     */
    public static ObjectNode list(TableConvertor convertor, List<? extends JsonNode> objects, IncludeObject include,
                                  String resourceVersion, String continueToken, Instant now) {
        ObjectNode table = table(convertor, true, resourceVersion, continueToken);
        ArrayNode rows = table.putArray("rows");
        for (JsonNode object : objects) {
            rows.add(row(convertor, object, include, now));
        }
        return table;
    }

    /** The Table for a single-object GET: one row, with the object's resourceVersion. */
    public static ObjectNode single(TableConvertor convertor, JsonNode object, IncludeObject include, Instant now) {
        return watchObject(convertor, object, include, true, now);
    }

    /**
     * The {@code object} of one watch event when a Table was negotiated: a Table with exactly one
     * row and the object's resourceVersion. kube-apiserver sends the column definitions with the
     * first event only and {@code "columnDefinitions": null} afterwards.
     */
    public static ObjectNode watchObject(TableConvertor convertor, JsonNode object, IncludeObject include,
                                         boolean withColumns, Instant now) {
        ObjectNode table = table(convertor, withColumns, Fields.text(object, "metadata", "resourceVersion"), null);
        table.putArray("rows").add(row(convertor, object, include, now));
        return table;
    }

    private static ObjectNode table(TableConvertor convertor, boolean withColumns, String resourceVersion,
                                    String continueToken) {
        ObjectNode table = Json.object();
        table.put("kind", "Table");
        table.put("apiVersion", API_VERSION);
        ObjectNode metadata = table.putObject("metadata");
        if (resourceVersion != null && !resourceVersion.isEmpty()) {
            metadata.put("resourceVersion", resourceVersion);
        }
        if (continueToken != null && !continueToken.isEmpty()) {
            metadata.put("continue", continueToken);
        }
        if (withColumns) {
            ArrayNode columns = table.putArray("columnDefinitions");
            for (ColumnDefinition c : convertor.columns()) {
                columns.addObject()
                        .put("name", c.name())
                        .put("type", c.type())
                        .put("format", c.format())
                        .put("description", c.description())
                        .put("priority", c.priority());
            }
        } else {
            table.putNull("columnDefinitions");
        }
        return table;
    }

    private static ObjectNode row(TableConvertor convertor, JsonNode object, IncludeObject include, Instant now) {
        List<Object> cells = convertor.cells(object, now);
        int expected = convertor.columns().size();
        if (cells.size() != expected) {
            throw new IllegalStateException(convertor.getClass().getSimpleName() + " produced " + cells.size()
                    + " cells for " + expected + " columns");
        }
        ObjectNode row = Json.object();
        ArrayNode cellNodes = row.putArray("cells");
        for (Object cell : cells) {
            cellNodes.add(cellNode(cell));
        }
        List<RowCondition> conditions = convertor.conditions(object);
        if (!conditions.isEmpty()) {
            ArrayNode conditionNodes = row.putArray("conditions");
            for (RowCondition c : conditions) {
                conditionNodes.addObject()
                        .put("type", c.type())
                        .put("status", c.status())
                        .put("reason", c.reason())
                        .put("message", c.message());
            }
        }
        row.set("object", rowObject(object, include));
        return row;
    }

    private static JsonNode rowObject(JsonNode object, IncludeObject include) {
        return switch (include) {
            case NONE -> Json.nodes().nullNode();
            case OBJECT -> object;
            case METADATA -> {
                ObjectNode partial = Json.object();
                partial.put("kind", "PartialObjectMetadata");
                partial.put("apiVersion", API_VERSION);
                JsonNode metadata = object.get("metadata");
                partial.set("metadata", metadata != null && metadata.isObject() ? metadata : Json.object());
                yield partial;
            }
        };
    }

    private static JsonNode cellNode(Object cell) {
        if (cell == null) {
            return Json.nodes().nullNode();
        }
        if (cell instanceof String s) {
            return Json.nodes().stringNode(s);
        }
        if (cell instanceof Long l) {
            return Json.nodes().numberNode(l);
        }
        if (cell instanceof Integer i) {
            return Json.nodes().numberNode(i);
        }
        if (cell instanceof Boolean b) {
            return Json.nodes().booleanNode(b);
        }
        if (cell instanceof Double d) {
            return Json.nodes().numberNode(d);
        }
        throw new IllegalArgumentException("unsupported table cell type " + cell.getClass().getName());
    }
}
