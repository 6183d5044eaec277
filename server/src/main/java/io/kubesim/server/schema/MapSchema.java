package io.kubesim.server.schema;

import java.util.Objects;

/**
 * A JSON object with arbitrary string keys and values of one schema, such as {@code labels}
 * ({@code map[string]string}) or {@code resources.limits} ({@code map[string]Quantity}).
 */
public record MapSchema(TypeSchema values) implements TypeSchema {

    public MapSchema {
        Objects.requireNonNull(values);
    }

    @Override
    public String goType() {
        return "map[string]" + values.goType();
    }
}
