package io.kubesim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * CRUD through the Fabric8 client on every served kind, against a real server over HTTPS:
 * server-set metadata, defaults, generation, optimistic concurrency, and the Status errors.
 */
class Fabric8CrudIT {

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
    void everyServedKindSupportsCreateGetListUpdateDelete() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("crud").endMetadata().build())
                .create();
        List<HasMetadata> objects = List.of(
                new ConfigMapBuilder().withNewMetadata().withName("cm").withNamespace("crud").endMetadata()
                        .addToData("k", "v").build(),
                new SecretBuilder().withNewMetadata().withName("s").withNamespace("crud").endMetadata()
                        .addToStringData("password", "p").build(),
                new ServiceAccountBuilder().withNewMetadata().withName("sa").withNamespace("crud").endMetadata().build(),
                new ServiceBuilder().withNewMetadata().withName("svc").withNamespace("crud").endMetadata()
                        .withNewSpec().addToSelector("app", "web").addNewPort().withPort(80).endPort().endSpec().build(),
                new EndpointsBuilder().withNewMetadata().withName("svc").withNamespace("crud").endMetadata().build(),
                pod("p", "crud"),
                new EventBuilder().withNewMetadata().withName("e1").withNamespace("crud").endMetadata()
                        .withNewInvolvedObject().withKind("Pod").withName("p").withNamespace("crud")
                        .endInvolvedObject().withReason("Tested").withMessage("hello").withType("Normal").build(),
                new LeaseBuilder().withNewMetadata().withName("l").withNamespace("crud").endMetadata()
                        .withNewSpec().withHolderIdentity("me").withLeaseDurationSeconds(15).endSpec().build(),
                deployment("d", "crud"),
                new ReplicaSetBuilder().withNewMetadata().withName("rs").withNamespace("crud").endMetadata()
                        .withNewSpec().withNewSelector().addToMatchLabels("app", "rs").endSelector()
                        .withNewTemplate().withNewMetadata().addToLabels("app", "rs").endMetadata()
                        .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
                        .endTemplate().endSpec().build(),
                new DaemonSetBuilder().withNewMetadata().withName("ds").withNamespace("crud").endMetadata()
                        .withNewSpec().withNewSelector().addToMatchLabels("app", "ds").endSelector()
                        .withNewTemplate().withNewMetadata().addToLabels("app", "ds").endMetadata()
                        .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
                        .endTemplate().endSpec().build(),
                new StatefulSetBuilder().withNewMetadata().withName("sts").withNamespace("crud").endMetadata()
                        .withNewSpec().withServiceName("svc").withNewSelector().addToMatchLabels("app", "sts")
                        .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "sts").endMetadata()
                        .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
                        .endTemplate().endSpec().build(),
                new NodeBuilder().withNewMetadata().withName("crud-node").endMetadata().build());
        for (HasMetadata o : objects) {
            HasMetadata created = client.resource(o).create();
            assertThat(created.getMetadata().getUid()).as(o.getKind()).isNotBlank();
            assertThat(created.getMetadata().getResourceVersion()).as(o.getKind()).isNotBlank();
            assertThat(created.getMetadata().getCreationTimestamp()).as(o.getKind()).endsWith("Z");

            HasMetadata read = client.resource(o).get();
            assertThat(read.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());

            read.getMetadata().setLabels(Map.of("touched", "yes"));
            HasMetadata updated = client.resource(read).update();
            assertThat(updated.getMetadata().getLabels()).containsEntry("touched", "yes");
            assertThat(Long.parseLong(updated.getMetadata().getResourceVersion()))
                    .isGreaterThan(Long.parseLong(created.getMetadata().getResourceVersion()));

            assertThat(client.resource(o).delete()).isNotEmpty();
        }
    }

    @Test
    void createFillsServerDefaultsAndGeneration() {
        Deployment d = client.apps().deployments().inNamespace("default").resource(deployment("defaults", "default"))
                .create();
        assertThat(d.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(d.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(d.getSpec().getRevisionHistoryLimit()).isEqualTo(10);
        assertThat(d.getSpec().getProgressDeadlineSeconds()).isEqualTo(600);
        assertThat(d.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Always");

        d.getSpec().setReplicas(3);
        Deployment scaled = client.apps().deployments().inNamespace("default").resource(d).update();
        assertThat(scaled.getMetadata().getGeneration()).isEqualTo(2L);

        scaled.getMetadata().setLabels(Map.of("only", "metadata"));
        Deployment relabelled = client.apps().deployments().inNamespace("default").resource(scaled).update();
        assertThat(relabelled.getMetadata().getGeneration()).as("metadata changes keep the generation").isEqualTo(2L);

        Pod p = client.pods().inNamespace("default").resource(pod("defaults", "default")).create();
        assertThat(p.getSpec().getDnsPolicy()).isEqualTo("ClusterFirst");
        assertThat(p.getSpec().getSchedulerName()).isEqualTo("default-scheduler");
        assertThat(p.getSpec().getTerminationGracePeriodSeconds()).isEqualTo(30L);
        assertThat(p.getStatus().getPhase()).isEqualTo("Pending");
    }

    @Test
    void staleUpdateIsAConflictWithTheRealMessage() {
        ConfigMap cm = client.configMaps().inNamespace("default").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("occ").endMetadata().addToData("a", "1").build()).create();
        ConfigMap first = new ConfigMapBuilder(cm).addToData("a", "2").build();
        client.configMaps().inNamespace("default").resource(first).update();

        ConfigMap stale = new ConfigMapBuilder(cm).addToData("a", "3").build();
        assertThatThrownBy(() -> client.configMaps().inNamespace("default").resource(stale).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
                    assertThat(e.getStatus().getMessage()).isEqualTo("Operation cannot be fulfilled on configmaps "
                            + "\"occ\": the object has been modified; please apply your changes to the latest version"
                            + " and try again");
                });
    }

    @Test
    void errorsAreKubernetesStatuses() {
        assertThatThrownBy(() -> client.configMaps().inNamespace("default").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("Bad_Name").endMetadata().build()).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
                    assertThat(e.getStatus().getDetails().getCauses()).anySatisfy(c -> {
                        assertThat(c.getField()).isEqualTo("metadata.name");
                        assertThat(c.getReason()).isEqualTo("FieldValueInvalid");
                    });
                });
        ConfigMap dup = new ConfigMapBuilder().withNewMetadata().withName("dup").endMetadata().build();
        client.configMaps().inNamespace("default").resource(dup).create();
        assertThatThrownBy(() -> client.configMaps().inNamespace("default").resource(dup).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("AlreadyExists");
                    assertThat(e.getStatus().getMessage()).isEqualTo("configmaps \"dup\" already exists");
                });
        assertThatThrownBy(() -> client.pods().inNamespace("nowhere").resource(pod("x", "nowhere")).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getStatus().getMessage()).isEqualTo("namespaces \"nowhere\" not found");
                });
        assertThat(client.pods().inNamespace("default").withName("absent").get()).isNull();
    }

    @Test
    void generateNameCreatesUniqueNames() {
        ConfigMap template = new ConfigMapBuilder().withNewMetadata().withGenerateName("gen-").endMetadata().build();
        String a = client.configMaps().inNamespace("default").resource(template).create().getMetadata().getName();
        String b = client.configMaps().inNamespace("default").resource(template).create().getMetadata().getName();
        assertThat(a).startsWith("gen-").hasSize(9).isNotEqualTo(b);
    }

    static Pod pod(String name, String namespace) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).addToLabels("app", "web")
                .endMetadata().withNewSpec().addNewContainer().withName("c").withImage("nginx:1.25").endContainer()
                .endSpec().build();
    }

    static Deployment deployment(String name, String namespace) {
        return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage("nginx:1.15").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }
}
