package io.kubesim.server.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Test helpers: objects written as YAML, and errors as the messages kube-apiserver prints. */
public final class TestTrees {

    private TestTrees() {
    }

    public static ObjectNode yaml(String yaml) {
        return (ObjectNode) node(yaml);
    }

    /** Any YAML value (arrays too). */
    public static JsonNode node(String yaml) {
        return Json.parseYaml(yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** Each error as {@code field: Type: value: detail}. */
    public static List<String> messages(List<FieldError> errors) {
        return errors.stream().map(FieldError::fullMessage).toList();
    }

}
