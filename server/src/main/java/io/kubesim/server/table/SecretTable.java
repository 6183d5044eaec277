package io.kubesim.server.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** {@code kubectl get secrets}: NAME, TYPE, DATA (entries of {@code data}), AGE. Stateless. */
public final class SecretTable implements TableConvertor {

    private static final List<ColumnDefinition> COLUMNS = List.of(
            CommonColumns.NAME,
            ColumnDefinition.string("Type", "Used to facilitate programmatic handling of secret data."),
            ColumnDefinition.string("Data", "Data contains the secret data."),
            CommonColumns.AGE);

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode secret, Instant now) {
        return List.of(Fields.name(secret), Fields.text(secret, "type"), (long) Fields.size(secret, "data"),
                Fields.age(secret, now));
    }
}
