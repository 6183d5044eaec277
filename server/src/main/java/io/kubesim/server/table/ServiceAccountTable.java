package io.kubesim.server.table;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** {@code kubectl get serviceaccounts}: NAME, SECRETS (how many are listed), AGE. Stateless. */
public final class ServiceAccountTable implements TableConvertor {

    private static final List<ColumnDefinition> COLUMNS = List.of(
            CommonColumns.NAME,
            ColumnDefinition.string("Secrets", "Secrets is a list of the secrets in the same namespace that pods"
                    + " running using this ServiceAccount are allowed to use."),
            CommonColumns.AGE);

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode account, Instant now) {
        return List.of(Fields.name(account), (long) Fields.size(account, "secrets"), Fields.age(account, now));
    }
}
