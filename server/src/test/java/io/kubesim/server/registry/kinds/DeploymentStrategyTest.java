package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class DeploymentStrategyTest {

    private final DeploymentStrategy strategy = new DeploymentStrategy();

    static final String NGINX = """
            metadata: {name: nginx, namespace: default}
            spec:
              selector: {matchLabels: {app: nginx}}
              template:
                metadata: {labels: {app: nginx}}
                spec:
                  containers: [{name: nginx, image: "nginx:1.27"}]
            """;

    private ObjectNode created(String yaml) {
        ObjectNode d = yaml(yaml);
        strategy.applyDefaults(d);
        strategy.prepareForCreate(d);
        return d;
    }

    @Test
    void defaultsMatchARealServer() {
        ObjectNode d = created(NGINX);
        assertThat(d.get("spec")).isEqualTo(yaml("""
                selector: {matchLabels: {app: nginx}}
                template:
                  metadata: {labels: {app: nginx}, creationTimestamp: null}
                  spec:
                    containers:
                    - name: nginx
                      image: "nginx:1.27"
                      imagePullPolicy: IfNotPresent
                      terminationMessagePath: /dev/termination-log
                      terminationMessagePolicy: File
                      resources: {}
                    dnsPolicy: ClusterFirst
                    restartPolicy: Always
                    securityContext: {}
                    terminationGracePeriodSeconds: 30
                    schedulerName: default-scheduler
                replicas: 1
                strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 25%, maxSurge: 25%}}
                revisionHistoryLimit: 10
                progressDeadlineSeconds: 600
                """));
        assertThat(d.get("status")).isEqualTo(yaml("{}"));
        assertThat(strategy.validate(d)).isEmpty();
    }

    @Test
    void selectorIsRequiredAndMustMatchTemplate() {
        ObjectNode d = created("""
                metadata: {name: nginx, namespace: default}
                spec:
                  template:
                    metadata: {labels: {app: nginx}}
                    spec: {containers: [{name: nginx, image: nginx}]}
                """);
        assertThat(messages(strategy.validate(d))).containsExactly(
                "spec.selector: Required value",
                "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"nginx\"}: "
                        + "`selector` does not match template `labels`");
        ObjectNode empty = created(NGINX);
        ((ObjectNode) empty.get("spec")).putObject("selector");
        assertThat(messages(strategy.validate(empty))).containsExactly("spec.selector: Invalid value: v1.LabelSelector"
                + "{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
                + "empty selector is invalid for deployment");
    }

    @Test
    void templateRulesAndStrategy() {
        ObjectNode d = created(NGINX);
        ObjectNode spec = (ObjectNode) d.get("spec");
        ((ObjectNode) spec.at("/template/spec")).put("restartPolicy", "Never").put("activeDeadlineSeconds", 5);
        ((ObjectNode) spec.at("/strategy/rollingUpdate")).put("maxUnavailable", 0).put("maxSurge", "0%");
        spec.put("replicas", -1);
        assertThat(messages(strategy.validate(d))).containsExactly(
                "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
                "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported",
                "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: "
                        + "may not be 0 when `maxSurge` is 0");
        ObjectNode bad = created(NGINX);
        ((ObjectNode) bad.at("/spec/strategy")).put("type", "BlueGreen").remove("rollingUpdate");
        assertThat(messages(strategy.validate(bad))).containsExactly("spec.strategy: Unsupported value: "
                + "apps.DeploymentStrategy{Type:\"BlueGreen\", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: "
                + "supported values: \"Recreate\", \"RollingUpdate\"");
    }

    @Test
    void selectorIsImmutable() {
        ObjectNode old = created(NGINX);
        ObjectNode scaled = old.deepCopy();
        ((ObjectNode) scaled.get("spec")).put("replicas", 5);
        assertThat(strategy.validateUpdate(scaled, old)).isEmpty();
        ObjectNode changed = old.deepCopy();
        ((ObjectNode) changed.at("/spec/selector/matchLabels")).put("tier", "web");
        ((ObjectNode) changed.at("/spec/template/metadata/labels")).put("tier", "web");
        assertThat(messages(strategy.validateUpdate(changed, old))).containsExactly("spec.selector: Invalid value: "
                + "v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"nginx\", \"tier\":\"web\"}, "
                + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable");
        assertThat(strategy.gracePeriodSeconds(old, 30L)).isEmpty();
    }
}
