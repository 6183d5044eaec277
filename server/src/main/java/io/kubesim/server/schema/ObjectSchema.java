package io.kubesim.server.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A struct: a JSON object with a fixed set of named fields. Fields are resolved on first use, so recursive
 * types (such as {@code JSONSchemaProps}) and large type graphs cost nothing until they are walked.
 *
 * <p>Thread-safe: the lazily resolved field table is published safely and computed at most once per struct
 * type; variants made by {@link #withPatch} share it.
 */
public final class ObjectSchema implements TypeSchema {

    private final String name;
    private final Fields fields;
    private final PatchStrategy patchStrategy;
    private final boolean retainKeys;

    private ObjectSchema(String name, Fields fields, PatchStrategy patchStrategy, boolean retainKeys) {
        this.name = Objects.requireNonNull(name);
        this.fields = fields;
        this.patchStrategy = Objects.requireNonNull(patchStrategy);
        this.retainKeys = retainKeys;
    }

    /** A struct whose fields are computed by {@code resolver} on first access. */
    static ObjectSchema lazy(String name, Supplier<Map<String, TypeSchema>> resolver) {
        return new ObjectSchema(name, new Fields(resolver), PatchStrategy.MERGE, false);
    }

    /** A struct with the given fields (kept in iteration order), e.g. for kinds without a model class. */
    public static ObjectSchema of(String name, Map<String, TypeSchema> fields) {
        Map<String, TypeSchema> copy = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        return new ObjectSchema(name, new Fields(() -> copy), PatchStrategy.MERGE, false);
    }

    /** The Go struct name, e.g. {@code DeploymentSpec}; decode errors name it. */
    public String name() {
        return name;
    }

    @Override
    public String goType() {
        return "v1." + name;
    }

    /** The schema of field {@code jsonName}, or null when the struct has no such field. */
    public TypeSchema field(String jsonName) {
        return fields.get().get(jsonName);
    }

    /** All fields by JSON name, in declaration order; unmodifiable. */
    public Map<String, TypeSchema> fields() {
        return fields.get();
    }

    /** {@link PatchStrategy#REPLACE} when a strategic merge patch replaces the whole struct. */
    public PatchStrategy patchStrategy() {
        return patchStrategy;
    }

    /** Whether the field holding this struct carries the {@code retainKeys} patch strategy. */
    public boolean retainKeys() {
        return retainKeys;
    }

    /** The same struct with the patch metadata of a particular field. */
    public ObjectSchema withPatch(PatchStrategy strategy, boolean retain) {
        return strategy == patchStrategy && retain == retainKeys ? this
                : new ObjectSchema(name, fields, strategy, retain);
    }

    @Override
    public String toString() {
        return "ObjectSchema[" + name + "]";
    }

    /** The lazily computed field table; double-checked so that steady-state reads take no lock. */
    private static final class Fields {
        private final Supplier<Map<String, TypeSchema>> resolver;
        private volatile Map<String, TypeSchema> resolved;

        Fields(Supplier<Map<String, TypeSchema>> resolver) {
            this.resolver = resolver;
        }

        Map<String, TypeSchema> get() {
            Map<String, TypeSchema> result = resolved;
            if (result == null) {
                synchronized (this) {
                    result = resolved;
                    if (result == null) {
                        result = Collections.unmodifiableMap(new LinkedHashMap<>(resolver.get()));
                        resolved = result;
                    }
                }
            }
            return result;
        }
    }
}
