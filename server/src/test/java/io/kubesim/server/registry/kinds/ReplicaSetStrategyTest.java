package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class ReplicaSetStrategyTest {

    private final ReplicaSetStrategy strategy = new ReplicaSetStrategy();

    private ObjectNode created() {
        ObjectNode rs = yaml(DeploymentStrategyTest.NGINX);
        strategy.applyDefaults(rs);
        strategy.prepareForCreate(rs);
        return rs;
    }

    @Test
    void defaultsAndStatus() {
        ObjectNode rs = created();
        assertThat(rs.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(rs.at("/spec/template/spec/restartPolicy").asString()).isEqualTo("Always");
        assertThat(rs.get("status")).isEqualTo(yaml("{replicas: 0}"));
        assertThat(strategy.validate(rs)).isEmpty();
    }

    @Test
    void validation() {
        ObjectNode rs = created();
        ((ObjectNode) rs.at("/spec/selector")).putObject("matchLabels").put("app", "other");
        assertThat(messages(strategy.validate(rs))).containsExactly("spec.template.metadata.labels: Invalid value: "
                + "map[string]string{\"app\":\"nginx\"}: `selector` does not match template `labels`");
        ObjectNode noImage = created();
        ((ObjectNode) noImage.at("/spec/template/spec/containers/0")).remove("image");
        assertThat(messages(strategy.validate(noImage))).containsExactly("spec.template.spec.containers[0].image: Required value");
    }

    @Test
    void selectorIsImmutable() {
        ObjectNode old = created();
        ObjectNode changed = old.deepCopy();
        ((ObjectNode) changed.at("/spec/selector/matchLabels")).put("app", "x");
        ((ObjectNode) changed.at("/spec/template/metadata/labels")).put("app", "x");
        assertThat(messages(strategy.validateUpdate(changed, old))).singleElement().asString()
                .startsWith("spec.selector: Invalid value: v1.LabelSelector{").endsWith("field is immutable");
    }
}
