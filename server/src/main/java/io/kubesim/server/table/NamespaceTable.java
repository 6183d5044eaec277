package io.kubesim.server.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** {@code kubectl get namespaces}: NAME, STATUS ({@code status.phase}), AGE. Stateless. */
public final class NamespaceTable implements TableConvertor {

    private static final List<ColumnDefinition> COLUMNS = List.of(
            CommonColumns.NAME,
            ColumnDefinition.string("Status", "The status of the namespace"),
            CommonColumns.AGE);

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode namespace, Instant now) {
        return List.of(Fields.name(namespace), Fields.text(namespace, "status", "phase"), Fields.age(namespace, now));
    }
}
