package io.kubesim.server.table;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get events} (core/v1 Event): LAST SEEN, TYPE, REASON, OBJECT, MESSAGE, and with
 * {@code -o wide} SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME, in kube-apiserver's column order.
 * There is no leading name column. LAST SEEN is a plain age (no {@code (x5 over 10m)}; that form
 * belongs to {@code kubectl describe} and {@code kubectl events}). Stateless.
 */
public final class EventTable implements TableConvertor {

    private static final List<ColumnDefinition> COLUMNS = List.of(
            ColumnDefinition.string("Last Seen",
                    "The time at which the most recent occurrence of this event was recorded."),
            ColumnDefinition.string("Type",
                    "Type of this event (Normal, Warning), new types could be added in the future"),
            ColumnDefinition.string("Reason", "This should be a short, machine understandable string that gives the"
                    + " reason for the transition into the object's current status."),
            ColumnDefinition.string("Object", "The object that this event is about."),
            ColumnDefinition.string("Subobject", "If referring to a piece of an object instead of an entire object,"
                    + " this string should contain a valid JSON/Go field access statement, such as"
                    + " desiredState.manifest.containers[2].").wide(),
            ColumnDefinition.string("Source",
                    "The component reporting this event. Should be a short machine understandable string.").wide(),
            ColumnDefinition.string("Message", "A human-readable description of the status of this operation."),
            ColumnDefinition.string("First Seen",
                    "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)").wide(),
            ColumnDefinition.string("Count", "The number of times this event has occurred.").wide(),
            CommonColumns.NAME.wide());

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode event, Instant now) {
        // New-style events (events.k8s.io writers) leave firstTimestamp/lastTimestamp/count empty and
        // fill eventTime/series instead; the printer falls back in this order.
        String firstSeen = Fields.time(event, "firstTimestamp").isPresent()
                ? Ages.since(Fields.text(event, "firstTimestamp"), now)
                : Ages.since(Fields.text(event, "eventTime"), now);
        String lastSeen = Fields.time(event, "lastTimestamp").isPresent()
                ? Ages.since(Fields.text(event, "lastTimestamp"), now)
                : firstSeen;
        long count = Fields.integer(event, "count");
        if (Fields.present(event, "series")) {
            lastSeen = Ages.since(Fields.text(event, "series", "lastObservedTime"), now);
            count = Fields.integer(event, "series", "count");
        } else if (count == 0) {
            count = 1;
        }
        return List.of(
                lastSeen,
                Fields.text(event, "type"),
                Fields.text(event, "reason"),
                target(Fields.at(event, "involvedObject")),
                Fields.text(event, "involvedObject", "fieldPath"),
                source(event),
                Fields.text(event, "message").strip(),
                firstSeen,
                count,
                Fields.name(event));
    }

    /** {@code pod/web-1}: the lower-cased kind, then {@code /name} when there is a name. */
    private static String target(JsonNode involved) {
        String kind = Fields.text(involved, "kind").toLowerCase(Locale.ROOT);
        String name = Fields.text(involved, "name");
        return name.isEmpty() ? kind : kind + "/" + name;
    }

    /** {@code component, host}, each falling back to reportingController / reportingInstance. */
    private static String source(JsonNode event) {
        String component = Fields.or(Fields.text(event, "source", "component"),
                Fields.text(event, "reportingController"));
        String instance = Fields.or(Fields.text(event, "source", "host"),
                Fields.text(event, "reportingInstance"));
        return instance.isEmpty() ? component : component + ", " + instance;
    }
}
