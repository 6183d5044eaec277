package io.kubesim.server.proto;

import java.math.BigInteger;
import java.util.Base64;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a decoded Kubernetes protobuf message to the JSON the Go API server would produce for
 * the same object, by walking its descriptor. The rule, derived from how Go gets there (protobuf
 * into the Go struct, then {@code encoding/json} with the struct's tags):
 * <ul>
 *   <li>A field absent from the wire is omitted (a nil pointer, or an empty slice or map).</li>
 *   <li>A present message field is written, as {@code {}} when empty: Go never omits structs.
 *       Apimachinery value types use their own JSON form ({@link ApimachineryValues}); a zero
 *       {@code Time} is dropped (Go writes {@code null}). Embedded Go structs are flattened.</li>
 *   <li>A present scalar is written unless it is the zero value. Go's protobuf writer emits every
 *       non-pointer field, so a present zero usually is an unset {@code omitempty} value field, which
 *       Go's JSON drops too. The exceptions (pointers such as {@code spec.replicas} and the few
 *       non-omitempty numbers and bools) are listed in {@link GoJsonFieldRules} and keep their zero.
 *       An empty string is always dropped: the pointer strings where {@code ""} means something
 *       ({@code storageClassName}) are not produced by kubectl's protobuf requests.</li>
 *   <li>Repeated and map members are written in full, empty strings and zeros included; bytes become
 *       standard base64, which is exactly the JSON form of {@code Secret.data}.</li>
 * </ul>
 * Thread-safe and stateless.
 */
final class ProtoJson {

    private static final JsonNodeFactory NODES = Json.nodes();

    private final GoJsonFieldRules rules;
    private final ApimachineryValues values;

    ProtoJson(GoJsonFieldRules rules, ApimachineryValues values) {
        this.rules = rules;
        this.values = values;
    }

    /** Writes the members of {@code message} into {@code out}. */
    void writeFields(Message message, ObjectNode out) {
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.isRepeated()) {
                int count = message.getRepeatedFieldCount(field);
                if (count > 0) {
                    out.set(rules.jsonName(field), field.isMapField()
                            ? map(message, field, count) : array(message, field, count));
                }
            } else if (message.hasField(field)) {
                writeSingular(field, message.getField(field), out);
            }
        }
    }

    private void writeSingular(FieldDescriptor field, Object value, ObjectNode out) {
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            Message child = (Message) value;
            if (rules.isEmbedded(field)) {
                writeFields(child, out);
                return;
            }
            JsonNode node = messageValue(child);
            if (node != null) {
                out.set(rules.jsonName(field), node);
            }
        } else if (!isZero(field, value) || (field.getJavaType() != FieldDescriptor.JavaType.STRING
                && rules.keepsZero(field))) {
            out.set(rules.jsonName(field), scalar(field, value));
        }
    }

    private JsonNode messageValue(Message message) {
        if (values.handles(message.getDescriptorForType())) {
            return values.toJson(message);
        }
        ObjectNode out = NODES.objectNode();
        writeFields(message, out);
        return out;
    }

    private ArrayNode array(Message message, FieldDescriptor field, int count) {
        ArrayNode out = NODES.arrayNode(count);
        for (int i = 0; i < count; i++) {
            Object element = message.getRepeatedField(field, i);
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                JsonNode node = messageValue((Message) element);
                out.add(node == null ? NODES.nullNode() : node);
            } else {
                out.add(scalar(field, element));
            }
        }
        return out;
    }

    private ObjectNode map(Message message, FieldDescriptor field, int count) {
        FieldDescriptor keyField = field.getMessageType().findFieldByNumber(1);
        FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
        ObjectNode out = NODES.objectNode();
        for (int i = 0; i < count; i++) {
            Message entry = (Message) message.getRepeatedField(field, i);
            String key = String.valueOf(entry.getField(keyField));
            Object value = entry.getField(valueField);
            if (valueField.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                JsonNode node = messageValue((Message) value);
                out.set(key, node == null ? NODES.nullNode() : node);
            } else {
                out.set(key, scalar(valueField, value));
            }
        }
        return out;
    }

    private static JsonNode scalar(FieldDescriptor field, Object value) {
        return switch (field.getType()) {
            case INT32, SINT32, SFIXED32 -> NODES.numberNode((Integer) value);
            case UINT32, FIXED32 -> NODES.numberNode(Integer.toUnsignedLong((Integer) value));
            case INT64, SINT64, SFIXED64 -> longNode((Long) value);
            case UINT64, FIXED64 -> NODES.numberNode(new BigInteger(Long.toUnsignedString((Long) value)));
            case DOUBLE -> NODES.numberNode((Double) value);
            case FLOAT -> NODES.numberNode((Float) value);
            case BOOL -> NODES.booleanNode((Boolean) value);
            case STRING -> NODES.stringNode((String) value);
            case BYTES -> NODES.stringNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case ENUM -> NODES.stringNode(((EnumValueDescriptor) value).getName());
            case MESSAGE, GROUP -> throw new IllegalArgumentException("not a scalar: " + field.getFullName());
        };
    }

    /**
     * Small int64 values become int nodes, as Jackson's parser would produce them, so that decoded
     * bodies compare equal to the same objects parsed from JSON.
     */
    private static JsonNode longNode(long value) {
        int narrow = (int) value;
        return narrow == value ? NODES.numberNode(narrow) : NODES.numberNode(value);
    }

    private static boolean isZero(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case INT -> (Integer) value == 0;
            case LONG -> (Long) value == 0L;
            case FLOAT -> (Float) value == 0f;
            case DOUBLE -> (Double) value == 0d;
            case BOOLEAN -> !(Boolean) value;
            case STRING -> ((String) value).isEmpty();
            case BYTE_STRING -> ((ByteString) value).isEmpty();
            case ENUM -> ((EnumValueDescriptor) value).getNumber() == 0;
            case MESSAGE -> false;
        };
    }
}
