package io.kubesim.server.schema;

/** {@code intstr.IntOrString}: a JSON string or an int32 (ports, {@code maxSurge}, ...). */
public record IntOrStringSchema() implements TypeSchema {

    public static final IntOrStringSchema INSTANCE = new IntOrStringSchema();

    @Override
    public String goType() {
        return "intstr.IntOrString";
    }
}
