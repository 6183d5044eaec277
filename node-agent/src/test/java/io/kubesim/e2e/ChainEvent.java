package io.kubesim.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * One core/v1 Event as {@code kubectl get events -o json} prints it, reduced to what the event-chain assertions
 * look at. Immutable.
 *
 * @param kind               {@code involvedObject.kind}
 * @param name               {@code involvedObject.name}
 * @param reason             the reason, e.g. {@code Scheduled}
 * @param message            the message
 * @param component          {@code source.component}
 * @param host               {@code source.host}, or null
 * @param reportingComponent {@code reportingComponent}, or null
 * @param firstTimestamp     {@code firstTimestamp} (whole seconds), or null
 */
record ChainEvent(String kind, String name, String reason, String message, String component, String host,
                  String reportingComponent, Instant firstTimestamp) {

    /** The items of an event list. */
    static List<ChainEvent> fromList(JsonNode list) {
        List<ChainEvent> events = new ArrayList<>();
        for (JsonNode item : list.path("items")) {
            JsonNode involved = item.path("involvedObject");
            JsonNode source = item.path("source");
            String first = Json.text(item, "firstTimestamp");
            events.add(new ChainEvent(Json.text(involved, "kind"), Json.text(involved, "name"),
                    Json.text(item, "reason"), Json.text(item, "message"), Json.text(source, "component"),
                    Json.text(source, "host"), Json.text(item, "reportingComponent"),
                    first == null ? null : Instant.parse(first)));
        }
        return events;
    }

    /** Whether this event is about {@code kind}/{@code name} and has {@code reason}. */
    boolean is(String kind, String name, String reason) {
        return kind.equals(this.kind) && name.equals(this.name) && reason.equals(this.reason);
    }
}
