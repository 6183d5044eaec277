package io.kubesim.server.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubesim.server.json.Json;
import org.junit.jupiter.api.Test;

class TypeErrorsTest {

    private static final SchemaRegistry REGISTRY = new SchemaRegistry();
    private static final ObjectSchema DEPLOYMENT = REGISTRY.forModel(Deployment.class);
    private static final ObjectSchema POD = REGISTRY.forModel(Pod.class);

    @Test
    void stringWhereAnIntegerIsExpected() {
        assertThat(TypeErrors.find(Json.parse("{\"spec\":{\"replicas\":\"3\"}}"), DEPLOYMENT)).containsExactly(
                "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32");
    }

    @Test
    void pathsSkipListPositionsAndMapKeys() {
        String deployment = """
                {"metadata":{"labels":{"app":1}},
                 "spec":{"template":{"spec":{"containers":[{"name":"a","ports":[{"containerPort":"80"}],
                                                            "args":["x",2]}]}}}}
                """;
        assertThat(TypeErrors.find(Json.parse(deployment), DEPLOYMENT)).containsExactly(
                "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string",
                "json: cannot unmarshal string into Go struct field "
                        + "ContainerPort.spec.template.spec.containers.ports.containerPort of type int32",
                "json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.args"
                        + " of type string");
    }

    @Test
    void structsListsAndMapsOfTheWrongKind() {
        String deployment = """
                {"spec":{"selector":"app=x","template":{"spec":{"containers":{"name":"a"},"nodeSelector":[]}}}}
                """;
        assertThat(TypeErrors.find(Json.parse(deployment), DEPLOYMENT)).containsExactly(
                "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.selector of type"
                        + " v1.LabelSelector",
                "json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type"
                        + " []v1.Container",
                "json: cannot unmarshal array into Go struct field PodSpec.spec.template.spec.nodeSelector of type"
                        + " map[string]string");
        assertThat(TypeErrors.find(Json.parse("[]"), DEPLOYMENT))
                .containsExactly("json: cannot unmarshal array into Go value of type v1.Deployment");
    }

    @Test
    void numbersOutOfRangeOrFractional() {
        String pod = """
                {"spec":{"priority":1.5,"activeDeadlineSeconds":9223372036854775808,
                         "terminationGracePeriodSeconds":3000000000,"hostNetwork":"true"}}
                """;
        assertThat(TypeErrors.find(Json.parse(pod), POD)).containsExactly(
                "json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.priority of type int32",
                "json: cannot unmarshal number 9223372036854775808 into Go struct field"
                        + " PodSpec.spec.activeDeadlineSeconds of type int64",
                "json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool");
    }

    @Test
    void intOrStringAcceptsBothButNothingElse() {
        String pod = """
                {"spec":{"containers":[{"name":"a","livenessProbe":{"httpGet":{"port":"http"}},
                                        "readinessProbe":{"httpGet":{"port":8080}},
                                        "startupProbe":{"tcpSocket":{"port":{"x":1}}}}]}}
                """;
        assertThat(TypeErrors.find(Json.parse(pod), POD)).containsExactly(
                "json: cannot unmarshal object into Go struct field"
                        + " TCPSocketAction.spec.containers.startupProbe.tcpSocket.port of type int32");
    }

    @Test
    void quantities() {
        String ok = """
                {"spec":{"containers":[{"name":"a","resources":{"limits":{"cpu":"500m","memory":"1Gi","x":2,
                    "y":"1e3","z":1.5,"w":"+.5","v":"12E"}}}]}}
                """;
        assertThat(TypeErrors.find(Json.parse(ok), POD)).isEmpty();

        String bad = """
                {"spec":{"containers":[{"name":"a","resources":{"limits":{"cpu":"abc","memory":"5ki","x":true,
                    "y":""}}}]}}
                """;
        String format = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
        assertThat(TypeErrors.find(Json.parse(bad), POD))
                .containsExactly(format, "unable to parse quantity's suffix", format, format);
    }

    @Test
    void nullsUnknownFieldsAndFreeFormAreFine() {
        String deployment = """
                {"spec":{"replicas":null,"foo":"bar","template":{"metadata":{"labels":null}}},"status":null}
                """;
        assertThat(TypeErrors.find(Json.parse(deployment), DEPLOYMENT)).isEmpty();
    }
}
