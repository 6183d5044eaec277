package io.kubesim.server.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get daemonsets}: NAME, DESIRED, CURRENT, READY, UP-TO-DATE, AVAILABLE (integer
 * cells), NODE SELECTOR, AGE, and with {@code -o wide} CONTAINERS, IMAGES, SELECTOR. Stateless.
 */
public final class DaemonSetTable implements TableConvertor {

    private static final List<ColumnDefinition> COLUMNS = List.of(
            CommonColumns.NAME,
            ColumnDefinition.integer("Desired", "The total number of nodes that should be running the daemon pod"
                    + " (including nodes correctly running the daemon pod)."),
            ColumnDefinition.integer("Current", "The number of nodes that are running at least 1 daemon pod and are"
                    + " supposed to run the daemon pod."),
            ColumnDefinition.integer("Ready", "The number of nodes that should be running the daemon pod and have one"
                    + " or more of the daemon pod running and ready."),
            ColumnDefinition.integer("Up-to-date", "The total number of nodes that are running updated daemon pod"),
            ColumnDefinition.integer("Available", "The number of nodes that should be running the daemon pod and have"
                    + " one or more of the daemon pod running and available (ready for at least"
                    + " spec.minReadySeconds)"),
            ColumnDefinition.string("Node Selector",
                    "NodeSelector is a selector which must be true for the pod to fit on a node."),
            CommonColumns.AGE,
            CommonColumns.CONTAINERS,
            CommonColumns.IMAGES,
            ColumnDefinition.string("Selector",
                    "A label query over pods that are managed by the daemon set.").wide());

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode daemonSet, Instant now) {
        JsonNode spec = Fields.at(daemonSet, "spec");
        JsonNode status = Fields.at(daemonSet, "status");
        JsonNode podSpec = Fields.at(spec, "template", "spec");
        List<Object> cells = new ArrayList<>(List.of(
                Fields.name(daemonSet),
                Fields.integer(status, "desiredNumberScheduled"),
                Fields.integer(status, "currentNumberScheduled"),
                Fields.integer(status, "numberReady"),
                Fields.integer(status, "updatedNumberScheduled"),
                Fields.integer(status, "numberAvailable"),
                LabelFormat.formatLabels(Fields.at(podSpec, "nodeSelector")),
                Fields.age(daemonSet, now)));
        cells.addAll(Workloads.containerCells(podSpec));
        cells.add(LabelFormat.formatLabelSelector(Fields.at(spec, "selector")));
        return cells;
    }
}
