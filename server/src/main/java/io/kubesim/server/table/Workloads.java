package io.kubesim.server.table;

import java.util.List;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;

/** Cells shared by the workload tables (Deployment, ReplicaSet, DaemonSet, StatefulSet). Stateless. */
final class Workloads {

    /** Replicas defaults to 1 on a real server, so an undefaulted object prints the same. */
    private static final long DEFAULT_REPLICAS = 1;

    private Workloads() {
    }

    /** {@code spec.replicas} of a Deployment, ReplicaSet or StatefulSet. */
    static long desiredReplicas(JsonNode spec) {
        return Fields.integer(spec, DEFAULT_REPLICAS, "replicas");
    }

    /** The CONTAINERS and IMAGES cells: names and images of {@code podSpec.containers}, each joined by {@code ,}. */
    static List<String> containerCells(JsonNode podSpec) {
        StringJoiner names = new StringJoiner(",");
        StringJoiner images = new StringJoiner(",");
        for (JsonNode c : Fields.items(podSpec, "containers")) {
            names.add(Fields.text(c, "name"));
            images.add(Fields.text(c, "image"));
        }
        return List.of(names.toString(), images.toString());
    }
}
