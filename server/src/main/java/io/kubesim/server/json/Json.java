package io.kubesim.server.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The server's one JSON and YAML codec for Kubernetes objects, which it handles as Jackson trees so
 * that unknown fields survive byte-for-byte semantics and generic code (patches, selectors, tables)
 * works on every kind. Thread-safe; stateless.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses JSON bytes; throws {@link JacksonException} on malformed input. */
    public static JsonNode parse(byte[] bytes) {
        return MAPPER.readTree(bytes);
    }

    public static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    /** Parses one YAML document into the same tree model as JSON. */
    public static JsonNode parseYaml(byte[] bytes) {
        return YAML.readTree(bytes);
    }

    public static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    public static String string(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** Text of {@code node.path(field)} or null when missing, null or not textual. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }

    /** The object at {@code field}, created (replacing a non-object) when absent. */
    public static ObjectNode child(ObjectNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }
}
