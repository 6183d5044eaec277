package io.kubesim.server.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The printed form of one kind for server-side Tables ({@code kubectl get}). Part of the kind's
 * declaration. Implementations are stateless and thread-safe.
 *
 * <p>Like kube-apiserver, a convertor always produces every column, the {@code -o wide} ones
 * included; kubectl hides columns of priority &gt; 0 itself.
 */
public interface TableConvertor {

    /** Column definitions in print order; the first is the name column (except for events). */
    List<ColumnDefinition> columns();

    /**
     * One row's cells for {@code object}, exactly one per column: {@code String} for string and date
     * columns, {@code Long}/{@code Integer} for integer columns, {@code Boolean}, {@code Double}.
     * Where kube-apiserver declares a column {@code string} but fills it with a count (deployment
     * Up-to-date and Available; configmap, secret and serviceaccount counts; event Count) the cell
     * is a {@code Long} as well, so that the JSON matches a real server's.
     *
     * @param now the time ages are computed against
     */
    List<Object> cells(JsonNode object, Instant now);

    /** The row's {@code conditions} (e.g. {@code Completed} for finished pods); none by default. */
    default List<RowCondition> conditions(JsonNode object) {
        return List.of();
    }
}
