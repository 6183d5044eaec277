package io.kubesim.server.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubesim.server.json.Json;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {

    private static final SchemaRegistry REGISTRY = new SchemaRegistry();
    private static final ObjectSchema DEPLOYMENT = REGISTRY.forModel(Deployment.class);

    @Test
    void aValidDeploymentHasNoUnknownFields() {
        String deployment = """
                {"apiVersion":"apps/v1","kind":"Deployment",
                 "metadata":{"name":"nginx","labels":{"app":"nginx"},
                             "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"}},
                 "spec":{"replicas":3,"selector":{"matchLabels":{"app":"nginx"}},
                         "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":1}},
                         "template":{"metadata":{"labels":{"app":"nginx"}},
                                     "spec":{"containers":[{"name":"nginx","image":"nginx:1.25",
                                             "ports":[{"containerPort":80,"protocol":"TCP"}],
                                             "resources":{"limits":{"cpu":"500m","memory":"128Mi"}}}]}}}}
                """;
        assertThat(UnknownFields.find(Json.parse(deployment), DEPLOYMENT)).isEmpty();
    }

    @Test
    void reportsPathsLikeTheStrictDecoder() {
        String deployment = """
                {"apiVersion":"apps/v1","kind":"Deployment","foo":1,
                 "metadata":{"name":"nginx","labelz":{}},
                 "spec":{"replicas":3,"foo":{"bar":1},
                         "template":{"spec":{"containers":[{"name":"a","image":"x"},
                                                           {"name":"b","imagex":"y",
                                                            "ports":[{"containerPort":80,"hostPortt":1}]}]}}}}
                """;
        List<String> unknown = UnknownFields.find(Json.parse(deployment), DEPLOYMENT);

        assertThat(unknown).containsExactly("foo", "metadata.labelz", "spec.foo",
                "spec.template.spec.containers[1].imagex", "spec.template.spec.containers[1].ports[0].hostPortt");
        assertThat(UnknownFields.describe(unknown.subList(2, 4))).isEqualTo(
                "strict decoding error: unknown field \"spec.foo\", "
                        + "unknown field \"spec.template.spec.containers[1].imagex\"");
    }

    @Test
    void mapKeysAndFreeFormPartsAreNeverUnknown() {
        String configMap = """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","labels":{"any.key/x":"v"}},
                 "data":{"whatever":"v"}}
                """;
        assertThat(UnknownFields.find(Json.parse(configMap), REGISTRY.forModel(ConfigMap.class))).isEmpty();

        String revision = """
                {"apiVersion":"apps/v1","kind":"ControllerRevision","metadata":{"name":"r"},"revision":1,
                 "data":{"spec":{"anything":{"goes":[1,2]}}}}
                """;
        assertThat(UnknownFields.find(Json.parse(revision), REGISTRY.forModel(ControllerRevision.class))).isEmpty();
    }

    @Test
    void fieldsInsideMapValuesOfStructsCarryTheKey() {
        ObjectSchema holder = ObjectSchema.of("Holder", java.util.Map.of("items",
                new MapSchema(ObjectSchema.of("Item", java.util.Map.of("a", PrimitiveSchema.STRING)))));
        assertThat(UnknownFields.find(Json.parse("{\"items\":{\"k1\":{\"a\":\"x\",\"b\":1}}}"), holder))
                .containsExactly("items.k1.b");
    }

    @Test
    void valuesOfTheWrongTypeAreLeftToTypeErrors() {
        assertThat(UnknownFields.find(Json.parse("{\"spec\":{\"template\":\"x\",\"selector\":[1]}}"), DEPLOYMENT))
                .isEmpty();
    }

    @Test
    void quotesLikeGo() {
        assertThat(UnknownFields.describe(List.of("a\"b")))
                .isEqualTo("strict decoding error: unknown field \"a\\\"b\"");
    }
}
