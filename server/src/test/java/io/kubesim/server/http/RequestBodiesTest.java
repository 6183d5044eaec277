package io.kubesim.server.http;

import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.kinds.AppsV1;
import io.kubesim.server.registry.kinds.CoordinationV1;
import io.kubesim.server.registry.kinds.CoreV1;
import tools.jackson.databind.node.ObjectNode;

class RequestBodiesTest {

    private static ResourceDescriptor kind(String kind) {
        List<ResourceDescriptor> all = new ArrayList<>(CoreV1.descriptors());
        all.addAll(AppsV1.descriptors());
        all.addAll(CoordinationV1.descriptors());
        return all.stream().filter(d -> d.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static void assertBadRequest(ObjectNode body, String kind, String message) {
        assertThatThrownBy(() -> RequestBodies.checkKind(body, kind(kind)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BadRequest);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void fillsInAMissingKindAndApiVersion() {
        ObjectNode body = yaml("metadata: {name: x}");
        RequestBodies.checkKind(body, kind("Deployment"));
        assertThat(body.path("kind").asString()).isEqualTo("Deployment");
        assertThat(body.path("apiVersion").asString()).isEqualTo("apps/v1");
    }

    @Test
    void anotherKindCannotBeConvertedToTheUrlsKind() {
        assertBadRequest(yaml("{apiVersion: v1, kind: Secret}"), "ConfigMap", "Secret in version \"v1\" cannot be "
                + "handled as a ConfigMap: converting (v1.Secret) to (core.ConfigMap): unknown conversion");
        assertBadRequest(yaml("{apiVersion: apps/v1, kind: ReplicaSet}"), "Deployment", "ReplicaSet in version "
                + "\"v1\" cannot be handled as a Deployment: converting (v1.ReplicaSet) to (apps.Deployment): "
                + "unknown conversion");
        assertBadRequest(yaml("{kind: Pod}"), "Lease", "Pod in version \"v1\" cannot be handled as a Lease: "
                + "converting (v1.Pod) to (coordination.Lease): unknown conversion");
    }

    @Test
    void theSameKindInAnotherVersionIsRefusedByVersion() {
        assertBadRequest(yaml("{apiVersion: apps/v1beta2, kind: Deployment}"), "Deployment",
                "the API version in the data (apps/v1beta2) does not match the expected API version (apps/v1)");
    }
}
