package io.kubesim.e2e;

import java.util.ArrayList;
import java.util.List;

import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * A pod as {@code kubectl get pods -o json} shows it, reduced to what the end-to-end steps check. Immutable.
 *
 * @param name        the pod's name
 * @param image       the first container's image
 * @param node        {@code spec.nodeName}, or null while unscheduled
 * @param ip          {@code status.podIP}, or null
 * @param phase       {@code status.phase}, or null
 * @param ready       whether the {@code Ready} condition is {@code True}
 * @param terminating whether a deletion timestamp is set
 */
record PodState(String name, String image, String node, String ip, String phase, boolean ready,
                boolean terminating) {

    /** The items of a pod list. */
    static List<PodState> fromList(JsonNode list) {
        List<PodState> pods = new ArrayList<>();
        for (JsonNode item : list.path("items")) {
            JsonNode metadata = item.path("metadata");
            JsonNode status = item.path("status");
            boolean ready = false;
            for (JsonNode c : status.path("conditions")) {
                ready |= "Ready".equals(Json.text(c, "type")) && "True".equals(Json.text(c, "status"));
            }
            pods.add(new PodState(Json.text(metadata, "name"),
                    Json.text(item.path("spec").path("containers").path(0), "image"),
                    Json.text(item.path("spec"), "nodeName"), Json.text(status, "podIP"), Json.text(status, "phase"),
                    ready, metadata.has("deletionTimestamp")));
        }
        return pods;
    }

    /** Running, Ready and not terminating. */
    boolean serving() {
        return "Running".equals(phase) && ready && !terminating;
    }
}
