package io.kubesim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The namespaces a cluster starts with, the ones that cannot be deleted, and the NamespaceLifecycle
 * rule that a terminating namespace takes no new content. There is no namespace controller in the
 * server, so a deleted namespace stays Terminating, as on a real API server without one.
 */
class SystemNamespacesIT {

    private static TestServer server;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = server.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void systemNamespacesExistAndAreActiveAtFirstStart() {
        List<Namespace> namespaces = client.namespaces().list().getItems();
        assertThat(namespaces).extracting(n -> n.getMetadata().getName())
                .contains("default", "kube-system", "kube-public", "kube-node-lease");
        assertThat(namespaces).allSatisfy(n -> {
            assertThat(n.getStatus().getPhase()).isEqualTo("Active");
            assertThat(n.getMetadata().getLabels())
                    .containsEntry("kubernetes.io/metadata.name", n.getMetadata().getName());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "kube-system", "kube-public"})
    void immortalNamespacesCannotBeDeleted(String name) {
        assertThatThrownBy(() -> client.namespaces().withName(name).delete())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getStatus().getReason()).isEqualTo("Forbidden");
                    assertThat(e.getStatus().getMessage())
                            .isEqualTo("namespaces \"" + name + "\" is forbidden: this namespace may not be deleted");
                });
        assertThat(client.namespaces().withName(name).get().getMetadata().getDeletionTimestamp()).isNull();
    }

    @Test
    void terminatingNamespaceRefusesNewContent() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("doomed").endMetadata()
                .build()).create();
        client.configMaps().inNamespace("doomed").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("before").endMetadata().build()).create();
        client.namespaces().withName("doomed").delete();

        Namespace doomed = client.namespaces().withName("doomed").get();
        assertThat(doomed.getStatus().getPhase()).isEqualTo("Terminating");
        assertThat(doomed.getMetadata().getDeletionTimestamp()).isNotBlank();
        assertThat(doomed.getSpec().getFinalizers()).containsExactly("kubernetes");

        assertThatThrownBy(() -> client.configMaps().inNamespace("doomed").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("late").endMetadata().build()).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getStatus().getReason()).isEqualTo("Forbidden");
                    assertThat(e.getStatus().getMessage()).isEqualTo("configmaps \"late\" is forbidden: unable to "
                            + "create new content in namespace doomed because it is being terminated");
                    assertThat(e.getStatus().getDetails().getName()).isEqualTo("late");
                    assertThat(e.getStatus().getDetails().getKind()).isEqualTo("configmaps");
                    StatusCause cause = e.getStatus().getDetails().getCauses().get(0);
                    assertThat(cause.getReason()).isEqualTo("NamespaceTerminating");
                    assertThat(cause.getMessage()).isEqualTo("namespace doomed is being terminated");
                    assertThat(cause.getField()).isEqualTo("metadata.namespace");
                });
        assertThatThrownBy(() -> client.configMaps().inNamespace("doomed").resource(new ConfigMapBuilder()
                .withNewMetadata().withGenerateName("late-").endMetadata().build()).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getStatus().getMessage())
                        .as("a generated name is not known yet").isEqualTo("configmaps is forbidden: unable to "
                                + "create new content in namespace doomed because it is being terminated"));

        assertThat(client.configMaps().inNamespace("doomed").withName("before").get())
                .as("existing content stays until a namespace controller removes it").isNotNull();
    }
}
