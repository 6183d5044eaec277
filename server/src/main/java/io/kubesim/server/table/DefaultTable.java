package io.kubesim.server.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * NAME and AGE, for any kind without printer columns of its own (what a real server shows for a
 * CRD without {@code additionalPrinterColumns}). Stateless.
 */
public final class DefaultTable implements TableConvertor {

    private static final List<ColumnDefinition> COLUMNS = List.of(CommonColumns.NAME, CommonColumns.AGE);

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode object, Instant now) {
        return List.of(Fields.name(object), Fields.age(object, now));
    }
}
