package io.kubesim.server.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** {@code kubectl get configmaps}: NAME, DATA (entries of {@code data} plus {@code binaryData}), AGE. Stateless. */
public final class ConfigMapTable implements TableConvertor {

    private static final List<ColumnDefinition> COLUMNS = List.of(
            CommonColumns.NAME,
            ColumnDefinition.string("Data", "Data contains the configuration data."),
            CommonColumns.AGE);

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode configMap, Instant now) {
        long entries = Fields.size(configMap, "data") + Fields.size(configMap, "binaryData");
        return List.of(Fields.name(configMap), entries, Fields.age(configMap, now));
    }
}
