package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class DaemonSetStrategyTest {

    private final DaemonSetStrategy strategy = new DaemonSetStrategy();

    private ObjectNode created(String yaml) {
        ObjectNode ds = yaml(yaml);
        strategy.applyDefaults(ds);
        strategy.prepareForCreate(ds);
        return ds;
    }

    @Test
    void defaultsAndStatus() {
        ObjectNode ds = created(DeploymentStrategyTest.NGINX);
        assertThat(ds.at("/spec/updateStrategy")).isEqualTo(yaml("{type: RollingUpdate, rollingUpdate: {maxUnavailable: 1, maxSurge: 0}}"));
        assertThat(ds.at("/spec/revisionHistoryLimit").asInt()).isEqualTo(10);
        assertThat(ds.get("status")).isEqualTo(yaml(
                "{currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0}"));
        assertThat(strategy.validate(ds)).isEmpty();
    }

    @Test
    void missingSelectorMatchesNothing() {
        ObjectNode ds = created("""
                metadata: {name: agent, namespace: kube-system}
                spec:
                  template:
                    metadata: {labels: {app: agent}}
                    spec: {containers: [{name: a, image: agent}]}
                """);
        assertThat(messages(strategy.validate(ds))).containsExactly("spec.template.metadata.labels: Invalid value: "
                + "map[string]string{\"app\":\"agent\"}: `selector` does not match template `labels`");
    }

    @Test
    void rollingUpdateNeedsExactlyOneNonZero() {
        ObjectNode ds = created(DeploymentStrategyTest.NGINX);
        ((ObjectNode) ds.at("/spec/updateStrategy/rollingUpdate")).put("maxSurge", "10%");
        assertThat(messages(strategy.validate(ds))).containsExactly("spec.updateStrategy.rollingUpdate.maxSurge: "
                + "Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"10%\"}: may not be set when maxUnavailable is non-zero");
        ((ObjectNode) ds.at("/spec/updateStrategy/rollingUpdate")).put("maxSurge", 0).put("maxUnavailable", "0%");
        assertThat(messages(strategy.validate(ds))).containsExactly(
                "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0");
    }

    @Test
    void selectorIsImmutable() {
        ObjectNode old = created(DeploymentStrategyTest.NGINX);
        ObjectNode changed = old.deepCopy();
        ((ObjectNode) changed.at("/spec/selector")).putArray("matchExpressions").addObject().put("key", "app")
                .put("operator", "Exists");
        assertThat(messages(strategy.validateUpdate(changed, old))).containsExactly("spec.selector: Invalid value: "
                + "v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"nginx\"}, MatchExpressions:"
                + "[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"app\", Operator:\"Exists\", "
                + "Values:[]string(nil)}}}: field is immutable");
    }
}
