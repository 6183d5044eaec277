package io.kubesim.server.validation;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class PodSpecValidationTest {

    private static final FieldPath SPEC = new FieldPath("spec");

    /** A defaulted spec with one valid container; tests break it in one place each. */
    private static ObjectNode spec(String containers) {
        return yaml("""
                restartPolicy: Always
                dnsPolicy: ClusterFirst
                terminationGracePeriodSeconds: 30
                volumes: [{name: data, emptyDir: {}}]
                containers:
                %s
                """.formatted(containers));
    }

    private static final String GOOD = """
            - name: web
              image: nginx:1.27
              imagePullPolicy: IfNotPresent
              terminationMessagePolicy: File
              ports: [{containerPort: 80, protocol: TCP, name: http}]
              env: [{name: MODE, value: prod}]
              volumeMounts: [{name: data, mountPath: /data}]
              resources: {requests: {cpu: 100m}, limits: {cpu: 500m, memory: 64Mi}}
            """;

    @Test
    void validSpecPasses() {
        assertThat(PodSpecValidation.validate(spec(GOOD), SPEC, true)).isEmpty();
    }

    @Test
    void containersAreRequired() {
        ObjectNode spec = spec(GOOD);
        spec.putArray("containers");
        assertThat(messages(PodSpecValidation.validate(spec, SPEC, true))).containsExactly("spec.containers: Required value");
    }

    @Test
    void containerFieldsAreChecked() {
        ObjectNode spec = spec("""
                - name: web
                  imagePullPolicy: Sometimes
                  terminationMessagePolicy: File
                  ports: [{containerPort: 70000, protocol: HTTP}]
                  env: [{name: ""}]
                  volumeMounts: [{name: missing, mountPath: /x}]
                - name: web
                  image: nginx
                  imagePullPolicy: Always
                  terminationMessagePolicy: File
                  resources: {requests: {cpu: "2"}, limits: {cpu: "1"}}
                """);
        assertThat(messages(PodSpecValidation.validate(spec, SPEC, true))).containsExactly(
                "spec.containers[0].image: Required value",
                "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
                "spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
                "spec.containers[0].env[0].name: Required value",
                "spec.containers[0].volumeMounts[0].name: Not found: \"missing\"",
                "spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", "
                        + "\"IfNotPresent\", \"Never\"",
                "spec.containers[1].resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1",
                "spec.containers[1].name: Duplicate value: \"web\"");
    }

    @Test
    void podLevelPolicies() {
        ObjectNode spec = spec(GOOD);
        spec.put("restartPolicy", "Sometimes").put("dnsPolicy", "Nope").put("activeDeadlineSeconds", 0)
                .put("nodeName", "Node_1");
        spec.remove("terminationGracePeriodSeconds");
        spec.putArray("tolerations").addObject().put("operator", "Equal").put("effect", "NoExecute").put("tolerationSeconds", 5)
                .put("effect", "Sometimes");
        assertThat(messages(PodSpecValidation.validate(spec, SPEC, true))).satisfiesExactly(
                m -> assertThat(m).isEqualTo("spec.terminationGracePeriodSeconds: Required value"),
                m -> assertThat(m).isEqualTo("spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: "
                        + "\"Always\", \"OnFailure\", \"Never\""),
                m -> assertThat(m).isEqualTo("spec.dnsPolicy: Unsupported value: \"Nope\": supported values: "
                        + "\"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\""),
                m -> assertThat(m).startsWith("spec.nodeName: Invalid value: \"Node_1\": a lowercase RFC 1123 subdomain"),
                m -> assertThat(m).isEqualTo("spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and "
                        + "2147483647, inclusive"),
                m -> assertThat(m).isEqualTo("spec.tolerations[0].operator: Invalid value: \"Equal\": operator must be "
                        + "Exists when `key` is empty, which means \"match all values and all keys\""),
                m -> assertThat(m).isEqualTo("spec.tolerations[0].effect: Invalid value: \"Sometimes\": effect must be "
                        + "'NoExecute' when `tolerationSeconds` is set"),
                m -> assertThat(m).isEqualTo("spec.tolerations[0].effect: Unsupported value: \"Sometimes\": supported "
                        + "values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\""));
    }

    @Test
    void templateLabelsAreReportedWithoutMetadataSegment() {
        ObjectNode template = yaml("metadata: {labels: {\"a b\": x}}");
        template.set("spec", spec(GOOD));
        assertThat(PodSpecValidation.validateTemplate(template, SPEC.child("template")))
                .extracting(e -> e.field()).containsExactly("spec.template.labels");
    }

    @Test
    void probesNeedOneHandler() {
        ObjectNode spec = spec(GOOD);
        ((ObjectNode) spec.get("containers").get(0)).putObject("livenessProbe").put("successThreshold", 2);
        assertThat(messages(PodSpecValidation.validate(spec, SPEC, true))).containsExactly(
                "spec.containers[0].livenessProbe: Required value: must specify a handler type",
                "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1");
    }
}
