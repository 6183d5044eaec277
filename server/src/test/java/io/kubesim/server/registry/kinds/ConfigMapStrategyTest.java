package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import tools.jackson.databind.node.ObjectNode;

class ConfigMapStrategyTest {

    private final ConfigMapStrategy strategy = new ConfigMapStrategy();

    @Test
    void keysAreChecked() {
        ObjectNode cm = yaml("""
                metadata: {name: cfg, namespace: default}
                data: {"good.key": a, "bad key": b, dup: c}
                binaryData: {dup: aGk=}
                """);
        strategy.applyDefaults(cm);
        assertThat(messages(strategy.validate(cm))).containsExactly(
                "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, "
                        + "'-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is "
                        + "'[-._a-zA-Z0-9]+')",
                "data[dup]: Invalid value: \"dup\": duplicate of key present in binaryData");
    }

    @Test
    void immutableConfigMapsRejectChanges() {
        ObjectNode old = yaml("metadata: {name: cfg, namespace: default}\nimmutable: true\ndata: {a: \"1\"}");
        ObjectNode changed = yaml("metadata: {name: cfg, namespace: default}\nimmutable: false\ndata: {a: \"2\"}");
        assertThat(messages(strategy.validateUpdate(changed, old))).containsExactly(
                "immutable: Forbidden: field is immutable when `immutable` is set",
                "data: Forbidden: field is immutable when `immutable` is set");
        ObjectNode labelled = old.deepCopy();
        ((ObjectNode) labelled.get("metadata")).putObject("labels").put("x", "y");
        assertThat(strategy.validateUpdate(labelled, old)).isEmpty();
    }

    @Test
    void binaryDataMustBeBase64() {
        ObjectNode cm = yaml("metadata: {name: cfg, namespace: default}\nbinaryData: {a: 'ab!d'}");
        assertThatThrownBy(() -> strategy.applyDefaults(cm)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BadRequest);
            assertThat(e.getMessage()).isEqualTo("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: "
                    + "illegal base64 data at input byte 2");
        });
    }

    @Test
    void sizeIsLimited() {
        ObjectNode cm = yaml("metadata: {name: cfg, namespace: default}");
        cm.putObject("data").put("big", "x".repeat(ConfigMapStrategy.MAX_SIZE + 1));
        assertThat(messages(strategy.validate(cm))).containsExactly(": Too long: may not be more than 1048576 bytes");
    }
}
