package io.kubesim.server.schema;

/**
 * The shape of one JSON value of a Kubernetes object as the API server decodes it, together with the
 * strategic-merge-patch metadata that Kubernetes attaches to lists and structs.
 *
 * <p>Schemas of the built-in kinds are derived from the Fabric8 model classes by {@link SchemaRegistry}; they
 * drive strategic merge patch, strict field validation ({@link UnknownFields}) and decode type checks
 * ({@link TypeErrors}). Every implementation is immutable and safe to share between threads.
 */
public sealed interface TypeSchema
        permits ObjectSchema, ArraySchema, MapSchema, PrimitiveSchema, IntOrStringSchema, QuantitySchema,
        AnySchema {

    /**
     * The Go type that kube-apiserver names in decode errors for a value of this schema, e.g. {@code int32},
     * {@code []v1.Container} or {@code map[string]string}.
     */
    String goType();
}
