package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.kubesim.server.validation.NameRule;
import tools.jackson.databind.node.ObjectNode;

class StatefulSetStrategyTest {

    private final StatefulSetStrategy strategy = new StatefulSetStrategy();

    private ObjectNode created() {
        ObjectNode sts = yaml(DeploymentStrategyTest.NGINX);
        ((ObjectNode) sts.get("spec")).put("serviceName", "nginx");
        strategy.applyDefaults(sts);
        strategy.prepareForCreate(sts);
        return sts;
    }

    @Test
    void defaultsAndStatus() {
        ObjectNode sts = created();
        ObjectNode spec = (ObjectNode) sts.get("spec");
        assertThat(spec.get("podManagementPolicy").asString()).isEqualTo("OrderedReady");
        assertThat(spec.get("updateStrategy")).isEqualTo(yaml("{type: RollingUpdate, rollingUpdate: {partition: 0}}"));
        assertThat(spec.get("persistentVolumeClaimRetentionPolicy")).isEqualTo(yaml("{whenDeleted: Retain, whenScaled: Retain}"));
        assertThat(spec.get("replicas").asInt()).isEqualTo(1);
        assertThat(spec.get("revisionHistoryLimit").asInt()).isEqualTo(10);
        assertThat(sts.get("status")).isEqualTo(yaml("{replicas: 0, availableReplicas: 0}"));
        assertThat(strategy.validate(sts)).isEmpty();
        assertThat(NameRule.of(strategy)).isEqualTo(NameRule.DNS1123_LABEL);
    }

    @Test
    void validation() {
        ObjectNode sts = created();
        ObjectNode spec = (ObjectNode) sts.get("spec");
        spec.put("podManagementPolicy", "Random");
        spec.remove("selector");
        ((ObjectNode) spec.get("updateStrategy")).put("type", "OnDelete");
        assertThat(messages(strategy.validate(sts))).containsExactly(
                "spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'",
                "spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:0, "
                        + "MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'",
                "spec.selector: Required value",
                "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"nginx\"}: "
                        + "`selector` does not match template `labels`");
    }

    @Test
    void onlySomeFieldsMayChange() {
        ObjectNode old = created();
        ObjectNode scaled = old.deepCopy();
        ((ObjectNode) scaled.get("spec")).put("replicas", 3);
        ((ObjectNode) scaled.at("/spec/template/spec/containers/0")).put("image", "nginx:1.28");
        assertThat(strategy.validateUpdate(scaled, old)).isEmpty();
        ObjectNode renamed = old.deepCopy();
        ((ObjectNode) renamed.get("spec")).put("serviceName", "other");
        assertThat(messages(strategy.validateUpdate(renamed, old))).containsExactly(
                "spec: Forbidden: " + StatefulSetStrategy.UPDATE_FORBIDDEN);
    }
}
