package io.kubesim.server.schema;

/**
 * {@code resource.Quantity}: serialized as a string such as {@code 500m} or {@code 1Gi}; a bare JSON number is
 * accepted on input as well.
 */
public record QuantitySchema() implements TypeSchema {

    public static final QuantitySchema INSTANCE = new QuantitySchema();

    @Override
    public String goType() {
        return "resource.Quantity";
    }
}
