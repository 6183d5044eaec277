package io.kubesim.server.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get statefulsets}: NAME, READY ({@code readyReplicas/replicas}), AGE, and with
 * {@code -o wide} CONTAINERS, IMAGES. Stateless.
 */
public final class StatefulSetTable implements TableConvertor {

    private static final List<ColumnDefinition> COLUMNS = List.of(
            CommonColumns.NAME,
            ColumnDefinition.string("Ready", "Number of the pod with ready state"),
            CommonColumns.AGE,
            CommonColumns.CONTAINERS,
            CommonColumns.IMAGES);

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode statefulSet, Instant now) {
        JsonNode spec = Fields.at(statefulSet, "spec");
        List<Object> cells = new ArrayList<>(List.of(
                Fields.name(statefulSet),
                Fields.integer(statefulSet, "status", "readyReplicas") + "/" + Workloads.desiredReplicas(spec),
                Fields.age(statefulSet, now)));
        cells.addAll(Workloads.containerCells(Fields.at(spec, "template", "spec")));
        return cells;
    }
}
