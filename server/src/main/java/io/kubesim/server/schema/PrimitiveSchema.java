package io.kubesim.server.schema;

import java.util.Objects;

/**
 * A JSON scalar: string, integer, number or boolean.
 *
 * @param kind   which JSON scalar is accepted
 * @param goType the Go type of the field, which also fixes the integer range ({@code int32} or {@code int64})
 */
public record PrimitiveSchema(Kind kind, String goType) implements TypeSchema {

    /** The JSON scalar kinds. */
    public enum Kind {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN
    }

    public static final PrimitiveSchema STRING = new PrimitiveSchema(Kind.STRING, "string");
    public static final PrimitiveSchema INT32 = new PrimitiveSchema(Kind.INTEGER, "int32");
    public static final PrimitiveSchema INT64 = new PrimitiveSchema(Kind.INTEGER, "int64");
    public static final PrimitiveSchema FLOAT64 = new PrimitiveSchema(Kind.NUMBER, "float64");
    public static final PrimitiveSchema BOOLEAN = new PrimitiveSchema(Kind.BOOLEAN, "bool");

    public PrimitiveSchema {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(goType);
    }
}
