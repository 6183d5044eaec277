package io.kubesim.server.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get pods}: NAME, READY, STATUS, RESTARTS, AGE, and with {@code -o wide} IP, NODE,
 * NOMINATED NODE, READINESS GATES. Finished pods carry a {@code Completed} row condition. Stateless.
 */
public final class PodTable implements TableConvertor {

    private static final String NONE = "<none>";

    private static final List<ColumnDefinition> COLUMNS = List.of(
            CommonColumns.NAME,
            ColumnDefinition.string("Ready", "The aggregate readiness state of this pod for accepting traffic."),
            ColumnDefinition.string("Status", "The aggregate status of the containers in this pod."),
            ColumnDefinition.string("Restarts", "The number of times the containers in this pod have been restarted"
                    + " and when the last container in this pod has restarted."),
            CommonColumns.AGE,
            ColumnDefinition.string("IP", "podIP address allocated to the pod.").wide(),
            ColumnDefinition.string("Node", "NodeName indicates in which node this pod is scheduled.").wide(),
            ColumnDefinition.string("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods"
                    + " on the node, but it cannot be scheduled right away as preemption victims receive their"
                    + " graceful termination periods.").wide(),
            ColumnDefinition.string("Readiness Gates",
                    "If specified, all readiness gates will be evaluated for pod readiness.").wide());

    private static final RowCondition SUCCEEDED =
            RowCondition.completed("Succeeded", "The pod has completed successfully.");
    private static final RowCondition FAILED = RowCondition.completed("Failed", "The pod failed.");

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode pod, Instant now) {
        PodSummary summary = PodSummary.of(pod);
        return List.of(
                Fields.name(pod),
                summary.readyCell(),
                summary.reason(),
                summary.restartsCell(now),
                Fields.age(pod, now),
                Fields.or(podIp(pod), NONE),
                Fields.or(Fields.text(pod, "spec", "nodeName"), NONE),
                Fields.or(Fields.text(pod, "status", "nominatedNodeName"), NONE),
                readinessGates(pod));
    }

    @Override
    public List<RowCondition> conditions(JsonNode pod) {
        return switch (Fields.text(pod, "status", "phase")) {
            case "Succeeded" -> List.of(SUCCEEDED);
            case "Failed" -> List.of(FAILED);
            default -> List.of();
        };
    }

    /**
     * The first of {@code status.podIPs}; a real server fills podIPs from podIP when only the
     * latter is written, hence the fallback.
     */
    private static String podIp(JsonNode pod) {
        List<JsonNode> ips = Fields.items(pod, "status", "podIPs");
        return ips.isEmpty() ? Fields.text(pod, "status", "podIP") : Fields.text(ips.get(0), "ip");
    }

    /** {@code <none>}, or how many readiness gates have a True condition, e.g. {@code 1/2}. */
    private static String readinessGates(JsonNode pod) {
        List<JsonNode> gates = Fields.items(pod, "spec", "readinessGates");
        if (gates.isEmpty()) {
            return NONE;
        }
        List<JsonNode> conditions = Fields.items(pod, "status", "conditions");
        long satisfied = gates.stream()
                .map(g -> Fields.text(g, "conditionType"))
                .filter(type -> conditions.stream()
                        .filter(c -> Fields.text(c, "type").equals(type))
                        .findFirst()
                        .map(c -> Fields.text(c, "status").equals("True"))
                        .orElse(false))
                .count();
        return satisfied + "/" + gates.size();
    }
}
