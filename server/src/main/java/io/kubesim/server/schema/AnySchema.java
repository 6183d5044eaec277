package io.kubesim.server.schema;

/**
 * Free-form JSON: {@code RawExtension}, embedded JSON fields and every type whose shape is not known. Nothing
 * below it is validated; patches merge it with JSON merge patch semantics (objects merge, lists replace).
 */
public record AnySchema() implements TypeSchema {

    public static final AnySchema INSTANCE = new AnySchema();

    @Override
    public String goType() {
        return "interface {}";
    }
}
