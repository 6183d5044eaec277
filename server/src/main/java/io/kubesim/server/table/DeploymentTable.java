package io.kubesim.server.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get deployments}: NAME, READY ({@code readyReplicas/replicas}), UP-TO-DATE,
 * AVAILABLE, AGE, and with {@code -o wide} CONTAINERS, IMAGES, SELECTOR. Stateless.
 *
 * <p>Unlike the other workloads, the printer shows an empty selector as an empty cell and an
 * invalid one as {@code <invalid>}.
 */
public final class DeploymentTable implements TableConvertor {

    private static final List<ColumnDefinition> COLUMNS = List.of(
            CommonColumns.NAME,
            ColumnDefinition.string("Ready", "Number of the pod with ready state"),
            ColumnDefinition.string("Up-to-date", "Total number of non-terminated pods targeted by this deployment"
                    + " that have the desired template spec."),
            ColumnDefinition.string("Available", "Total number of available pods (ready for at least"
                    + " minReadySeconds) targeted by this deployment."),
            CommonColumns.AGE,
            CommonColumns.CONTAINERS,
            CommonColumns.IMAGES,
            ColumnDefinition.string("Selector", "Label selector for pods.").wide());

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode deployment, Instant now) {
        JsonNode spec = Fields.at(deployment, "spec");
        JsonNode status = Fields.at(deployment, "status");
        List<Object> cells = new ArrayList<>(List.of(
                Fields.name(deployment),
                Fields.integer(status, "readyReplicas") + "/" + Workloads.desiredReplicas(spec),
                Fields.integer(status, "updatedReplicas"),
                Fields.integer(status, "availableReplicas"),
                Fields.age(deployment, now)));
        cells.addAll(Workloads.containerCells(Fields.at(spec, "template", "spec")));
        cells.add(LabelFormat.selectorString(Fields.at(spec, "selector")).orElse("<invalid>"));
        return cells;
    }
}
