package io.kubesim.server.proto;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import io.kubesim.server.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * JSON forms of the apimachinery value types whose protobuf shape differs from their JSON shape
 * (each has a hand-written Go JSON marshaller): times, durations, int-or-string, quantities,
 * embedded raw objects, managed-field sets and string-list wrappers. Stateless apart from the
 * decoder it uses for embedded protobuf objects; thread-safe.
 */
final class ApimachineryValues {

    private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
    private static final String TIME = META + "Time";
    private static final String MICRO_TIME = META + "MicroTime";
    private static final String DURATION = META + "Duration";
    private static final String FIELDS_V1 = META + "FieldsV1";
    private static final String INT_OR_STRING = "k8s.io.apimachinery.pkg.util.intstr.IntOrString";
    private static final String QUANTITY = "k8s.io.apimachinery.pkg.api.resource.Quantity";
    private static final String QUANTITY_VALUE = "k8s.io.apimachinery.pkg.api.resource.QuantityValue";
    private static final String RAW_EXTENSION = "k8s.io.apimachinery.pkg.runtime.RawExtension";
    private static final String UNKNOWN = "k8s.io.apimachinery.pkg.runtime.Unknown";

    private static final Set<String> HANDLED = Set.of(TIME, MICRO_TIME, DURATION, FIELDS_V1, INT_OR_STRING,
            QUANTITY, QUANTITY_VALUE, RAW_EXTENSION, UNKNOWN);

    /** Go named slice types ({@code type Verbs []string}), which protobuf wraps in {@code {items}}. */
    private static final Set<String> STRING_LIST_WRAPPERS = Set.of("Verbs", "ExtraValue");

    private static final DateTimeFormatter RFC3339_MICRO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX").withZone(ZoneOffset.UTC);

    private final ObjectDecoder embedded;

    ApimachineryValues(ObjectDecoder embedded) {
        this.embedded = embedded;
    }

    /** True when {@link #toJson} must be used instead of the generic object conversion. */
    boolean handles(Descriptor type) {
        return HANDLED.contains(type.getFullName()) || isStringListWrapper(type);
    }

    /** The JSON value of a special message, or null when Go would write {@code null} (the member is dropped). */
    JsonNode toJson(Message value) {
        Descriptor type = value.getDescriptorForType();
        return switch (type.getFullName()) {
            case TIME -> time(value, false);
            case MICRO_TIME -> time(value, true);
            case DURATION -> Json.nodes().stringNode(GoDuration.format(longField(value, "duration")));
            case INT_OR_STRING -> intOrString(value);
            case QUANTITY, QUANTITY_VALUE -> quantity(value);
            case FIELDS_V1 -> embeddedJson(bytesField(value, "Raw"));
            case RAW_EXTENSION -> rawExtension(bytesField(value, "raw"));
            case UNKNOWN -> unknown(value);
            default -> stringList(value);
        };
    }

    private static boolean isStringListWrapper(Descriptor type) {
        if (!STRING_LIST_WRAPPERS.contains(type.getName()) || type.getFields().size() != 1) {
            return false;
        }
        FieldDescriptor only = type.getFields().get(0);
        return only.isRepeated() && "items".equals(only.getName())
                && only.getJavaType() == FieldDescriptor.JavaType.STRING;
    }

    /**
     * An empty message is Go's zero time, which marshals as {@code null}; an explicit 0 is the Unix
     * epoch. {@code Time} has second precision in JSON (Go drops the nanos when decoding it, too).
     */
    private static JsonNode time(Message value, boolean micro) {
        FieldDescriptor seconds = value.getDescriptorForType().findFieldByName("seconds");
        FieldDescriptor nanos = value.getDescriptorForType().findFieldByName("nanos");
        if (!value.hasField(seconds) && !value.hasField(nanos)) {
            return null;
        }
        long s = (Long) value.getField(seconds);
        if (!micro) {
            return Json.nodes().stringNode(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(s)));
        }
        int n = (Integer) value.getField(nanos);
        return Json.nodes().stringNode(RFC3339_MICRO.format(Instant.ofEpochSecond(s, n)));
    }

    private static JsonNode intOrString(Message value) {
        Descriptor type = value.getDescriptorForType();
        long kind = (Long) value.getField(type.findFieldByName("type"));
        if (kind == 1) {
            return Json.nodes().stringNode((String) value.getField(type.findFieldByName("strVal")));
        }
        return Json.nodes().numberNode((Integer) value.getField(type.findFieldByName("intVal")));
    }

    /** Go's zero Quantity marshals as {@code "0"}. */
    private static JsonNode quantity(Message value) {
        String text = (String) value.getField(value.getDescriptorForType().findFieldByName("string"));
        return Json.nodes().stringNode(text.isEmpty() ? "0" : text);
    }

    /** {@code raw} normally holds JSON; an embedded protobuf object is decoded like a request body. */
    private JsonNode rawExtension(ByteString raw) {
        if (raw.isEmpty()) {
            return null;
        }
        if (raw.startsWith(ObjectDecoder.MAGIC)) {
            return embedded.decodeFramed(raw.toByteArray(), null);
        }
        return embeddedJson(raw);
    }

    private JsonNode unknown(Message value) {
        Descriptor type = value.getDescriptorForType();
        ByteString raw = (ByteString) value.getField(type.findFieldByName("raw"));
        if (raw.isEmpty()) {
            return null;
        }
        String contentType = (String) value.getField(type.findFieldByName("contentType"));
        if (contentType.isEmpty() || contentType.startsWith("application/json")) {
            return embeddedJson(raw);
        }
        Message typeMeta = (Message) value.getField(type.findFieldByName("typeMeta"));
        Descriptor metaType = typeMeta.getDescriptorForType();
        return embedded.decodeTyped((String) typeMeta.getField(metaType.findFieldByName("apiVersion")),
                (String) typeMeta.getField(metaType.findFieldByName("kind")), raw);
    }

    private static JsonNode embeddedJson(ByteString raw) {
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return Json.parse(raw.toByteArray());
        } catch (JacksonException e) {
            throw new ProtoDecodeException("invalid embedded JSON object: " + e.getOriginalMessage());
        }
    }

    private static JsonNode stringList(Message value) {
        FieldDescriptor items = value.getDescriptorForType().getFields().get(0);
        int count = value.getRepeatedFieldCount(items);
        ArrayNode out = Json.nodes().arrayNode(count);
        for (int i = 0; i < count; i++) {
            out.add((String) value.getRepeatedField(items, i));
        }
        return out;
    }

    private static long longField(Message value, String name) {
        return (Long) value.getField(value.getDescriptorForType().findFieldByName(name));
    }

    private static ByteString bytesField(Message value, String name) {
        return (ByteString) value.getField(value.getDescriptorForType().findFieldByName(name));
    }
}
