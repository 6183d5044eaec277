package io.kubesim.server.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** {@code kubectl get leases} (coordination.k8s.io): NAME, HOLDER ({@code spec.holderIdentity}), AGE. Stateless. */
public final class LeaseTable implements TableConvertor {

    private static final List<ColumnDefinition> COLUMNS = List.of(
            CommonColumns.NAME,
            ColumnDefinition.string("Holder", "holderIdentity contains the identity of the holder of a current lease."),
            CommonColumns.AGE);

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode lease, Instant now) {
        return List.of(Fields.name(lease), Fields.text(lease, "spec", "holderIdentity"), Fields.age(lease, now));
    }
}
