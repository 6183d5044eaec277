package io.kubesim.server.schema;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.Duration;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Quantity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Derives {@link TypeSchema}s from the Fabric8 model classes by reflection over their {@code @JsonProperty}
 * fields, and attaches the declared {@link PatchMetadata}. Struct schemas are created once per class and their
 * fields resolved on first use, so recursive types are fine and patching touches no reflection once a schema
 * has been walked.
 *
 * <p>Mapping: {@code String}/enums → string; {@code Integer} → int32; {@code Long} → int64; {@code Double} →
 * number; {@code Boolean} → boolean; {@code List<T>} → array; {@code Map<String,T>} → map; {@code Quantity},
 * {@code IntOrString} → their own schemas; timestamps ({@code MicroTime}, {@code Duration}, {@code java.time})
 * → string; {@code Object}, {@code AnyType} (e.g. {@code RawExtension}), classes with a custom deserializer and
 * anything else unknown → {@link AnySchema}. Fabric8's {@code additionalProperties} catch-all is not a field.
 *
 * <p>Thread-safe; one instance is meant to be shared by the whole server.
 */
public final class SchemaRegistry {

    private final PatchMetadata metadata;
    private final ConcurrentMap<Class<?>, ObjectSchema> structs = new ConcurrentHashMap<>();

    /** A registry for the built-in Kubernetes types. */
    public SchemaRegistry() {
        this(PatchMetadata.kubernetes());
    }

    public SchemaRegistry(PatchMetadata metadata) {
        this.metadata = Objects.requireNonNull(metadata);
    }

    /**
     * The root schema of a kind, e.g. {@code forModel(Deployment.class)}, with {@code apiVersion}, {@code kind},
     * {@code metadata} and the kind's own fields.
     *
     * @throws IllegalArgumentException if the class is not a Fabric8 struct model class
     */
    public ObjectSchema forModel(Class<?> modelClass) {
        if (schemaOf(modelClass) instanceof ObjectSchema root) {
            return root;
        }
        throw new IllegalArgumentException(modelClass.getName() + " is not a Fabric8 model struct");
    }

    /**
     * Resolves every type reachable from {@code modelClass} now, so the reflection cost is paid at
     * startup instead of inside the first request that validates or patches such an object.
     */
    public void warmUp(Class<?> modelClass) {
        visit(forModel(modelClass), java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static void visit(TypeSchema schema, java.util.Set<TypeSchema> seen) {
        if (!seen.add(schema)) {
            return;
        }
        if (schema instanceof ObjectSchema o) {
            o.fields().values().forEach(f -> visit(f, seen));
        } else if (schema instanceof ArraySchema a) {
            visit(a.items(), seen);
        } else if (schema instanceof MapSchema m) {
            visit(m.values(), seen);
        }
    }

    /** The schema of a Java (generic) type as used for a model field. */
    TypeSchema schemaOf(Type type) {
        if (type instanceof Class<?> c) {
            return classSchema(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw) && args.length == 1) {
                return ArraySchema.atomic(schemaOf(args[0]));
            }
            if (Map.class.isAssignableFrom(raw) && args.length == 2) {
                return new MapSchema(schemaOf(args[1]));
            }
            return classSchema(raw);
        }
        if (type instanceof GenericArrayType a) {
            return ArraySchema.atomic(schemaOf(a.getGenericComponentType()));
        }
        return AnySchema.INSTANCE;
    }

    private TypeSchema classSchema(Class<?> c) {
        if (c == String.class || c == Character.class || c == char.class || c.isEnum() || c == byte[].class) {
            return PrimitiveSchema.STRING;
        }
        if (c == Integer.class || c == int.class || c == Short.class || c == short.class || c == Byte.class
                || c == byte.class) {
            return PrimitiveSchema.INT32;
        }
        if (c == Long.class || c == long.class || c == BigInteger.class) {
            return PrimitiveSchema.INT64;
        }
        if (c == Double.class || c == double.class || c == Float.class || c == float.class
                || c == BigDecimal.class) {
            return PrimitiveSchema.FLOAT64;
        }
        if (c == Boolean.class || c == boolean.class) {
            return PrimitiveSchema.BOOLEAN;
        }
        if (c == Quantity.class) {
            return QuantitySchema.INSTANCE;
        }
        if (c == IntOrString.class) {
            return IntOrStringSchema.INSTANCE;
        }
        if (c == MicroTime.class || c == Duration.class || TemporalAccessor.class.isAssignableFrom(c)
                || Date.class.isAssignableFrom(c)) {
            return PrimitiveSchema.STRING;
        }
        if (c.isArray()) {
            return ArraySchema.atomic(classSchema(c.getComponentType()));
        }
        if (Collection.class.isAssignableFrom(c)) {
            return ArraySchema.atomic(AnySchema.INSTANCE);
        }
        if (Map.class.isAssignableFrom(c)) {
            return new MapSchema(AnySchema.INSTANCE);
        }
        if (isStruct(c)) {
            return structs.computeIfAbsent(c, k -> ObjectSchema.lazy(k.getSimpleName(), () -> resolveFields(k)));
        }
        return AnySchema.INSTANCE;
    }

    /** A plain Fabric8 bean; free-form and custom-serialized types are not. */
    private static boolean isStruct(Class<?> c) {
        if (!c.getName().startsWith("io.fabric8.") || c.isInterface() || Modifier.isAbstract(c.getModifiers())
                || AnyType.class.isAssignableFrom(c) || JsonNode.class.isAssignableFrom(c)) {
            return false;
        }
        JsonDeserialize custom = c.getAnnotation(JsonDeserialize.class);
        return custom == null || custom.using() == ValueDeserializer.None.class;
    }

    private Map<String, TypeSchema> resolveFields(Class<?> c) {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            hierarchy.push(k);
        }
        Map<String, TypeSchema> fields = new LinkedHashMap<>();
        for (Class<?> k : hierarchy) {
            for (Field f : k.getDeclaredFields()) {
                JsonProperty property = f.getAnnotation(JsonProperty.class);
                if (property == null || Modifier.isStatic(f.getModifiers()) || f.isSynthetic()
                        || f.isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                String name = property.value().isEmpty() ? f.getName() : property.value();
                fields.put(name, withMetadata(k, name, schemaOf(f.getGenericType())));
            }
        }
        return fields;
    }

    private TypeSchema withMetadata(Class<?> owner, String field, TypeSchema base) {
        PatchMetadata.FieldPatch declared = metadata.lookup(owner, field);
        if (declared == null) {
            return base;
        }
        if (base instanceof ArraySchema array && declared.listType() != null) {
            return new ArraySchema(array.items(), declared.listType(), declared.listMapKeys(), declared.strategy(),
                    declared.mergeKey(), declared.retainKeys());
        }
        if (base instanceof ObjectSchema struct && declared.listType() == null) {
            return struct.withPatch(declared.strategy(), declared.retainKeys());
        }
        throw new IllegalStateException("patch metadata of " + owner.getSimpleName() + "." + field
                + " does not fit its type " + base.goType());
    }
}
