package io.kubesim.server.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The printed form of one kind for server-side Tables ({@code kubectl get}). Part of the kind's
 * declaration. Implementations are stateless and thread-safe.
 */
public interface TableConvertor {

    /** Column definitions in print order; the first is the name column (except for events). */
    List<ColumnDefinition> columns();

    /**
     * One row's cells for {@code object}, exactly one per column: {@code String} for string and date
     * columns, {@code Long}/{@code Integer} for integer columns, {@code Boolean}, {@code Double}.
     *
     * @param now the time ages are computed against
     */
    List<Object> cells(JsonNode object, Instant now);
}
