package io.kubesim.server.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get replicasets}: NAME, DESIRED, CURRENT, READY (integer cells), AGE, and with
 * {@code -o wide} CONTAINERS, IMAGES, SELECTOR. Stateless.
 */
public final class ReplicaSetTable implements TableConvertor {

    private static final List<ColumnDefinition> COLUMNS = List.of(
            CommonColumns.NAME,
            ColumnDefinition.integer("Desired", "Replicas is the number of desired replicas."),
            ColumnDefinition.integer("Current", "Replicas is the most recently observed number of replicas."),
            ColumnDefinition.integer("Ready", "The number of ready replicas for this replica set."),
            CommonColumns.AGE,
            CommonColumns.CONTAINERS,
            CommonColumns.IMAGES,
            ColumnDefinition.string("Selector",
                    "Selector is a label query over pods that should match the replica count.").wide());

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode replicaSet, Instant now) {
        JsonNode spec = Fields.at(replicaSet, "spec");
        JsonNode status = Fields.at(replicaSet, "status");
        List<Object> cells = new ArrayList<>(List.of(
                Fields.name(replicaSet),
                Workloads.desiredReplicas(spec),
                Fields.integer(status, "replicas"),
                Fields.integer(status, "readyReplicas"),
                Fields.age(replicaSet, now)));
        cells.addAll(Workloads.containerCells(Fields.at(spec, "template", "spec")));
        cells.add(LabelFormat.formatLabelSelector(Fields.at(spec, "selector")));
        return cells;
    }
}
