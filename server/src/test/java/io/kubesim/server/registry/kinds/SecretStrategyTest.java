package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.kubesim.server.api.ApiException;
import tools.jackson.databind.node.ObjectNode;

class SecretStrategyTest {

    private final SecretStrategy strategy = new SecretStrategy();

    @Test
    void stringDataIsFoldedIntoDataAndTypeDefaults() {
        ObjectNode secret = yaml("""
                metadata: {name: s, namespace: default}
                data: {user: YWRtaW4=}
                stringData: {password: "s3cr3t"}
                """);
        strategy.applyDefaults(secret);
        assertThat(secret).isEqualTo(yaml("""
                metadata: {name: s, namespace: default}
                data: {user: YWRtaW4=, password: czNjcjN0}
                type: Opaque
                """));
        assertThat(strategy.validate(secret)).isEmpty();
    }

    @Test
    void builtInTypesNeedTheirKeys() {
        ObjectNode tls = yaml("metadata: {name: s, namespace: default}\ntype: kubernetes.io/tls\ndata: {tls.crt: eA==}");
        assertThat(messages(strategy.validate(tls))).containsExactly("data[tls.key]: Required value");
        ObjectNode token = yaml("metadata: {name: s, namespace: default}\ntype: kubernetes.io/service-account-token");
        assertThat(messages(strategy.validate(token))).containsExactly(
                "metadata.annotations[kubernetes.io/service-account.name]: Required value");
        ObjectNode basic = yaml("metadata: {name: s, namespace: default}\ntype: kubernetes.io/basic-auth");
        assertThat(messages(strategy.validate(basic))).containsExactly(
                "data[%s][username]: Required value", "data[%s][password]: Required value");
        ObjectNode docker = yaml("metadata: {name: s, namespace: default}\ntype: kubernetes.io/dockerconfigjson\n"
                + "data: {.dockerconfigjson: bm90IGpzb24=}");
        assertThat(messages(strategy.validate(docker))).singleElement().asString()
                .startsWith("data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\"");
    }

    @Test
    void typeAndImmutableContentCannotChange() {
        ObjectNode old = yaml("metadata: {name: s, namespace: default}\ntype: Opaque\nimmutable: true\ndata: {a: eA==}");
        ObjectNode changed = yaml("metadata: {name: s, namespace: default}\ntype: example.com/x\nimmutable: true\ndata: {a: eQ==}");
        assertThat(messages(strategy.validateUpdate(changed, old))).containsExactly(
                "type: Invalid value: \"example.com/x\": field is immutable",
                "data: Forbidden: field is immutable when `immutable` is set");
    }

    @Test
    void dataMustBeBase64() {
        ObjectNode secret = yaml("metadata: {name: s, namespace: default}\ndata: {a: 'not base64'}");
        assertThatThrownBy(() -> strategy.applyDefaults(secret)).isInstanceOf(ApiException.class)
                .hasMessage("Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 3");
    }
}
