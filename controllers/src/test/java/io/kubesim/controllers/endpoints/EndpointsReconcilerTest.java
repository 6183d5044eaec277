package io.kubesim.controllers.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.kubesim.controllers.testing.Fixtures;
import io.kubesim.controllers.testing.MemoryStore;
import io.kubesim.controllers.testing.RecordedEvents;

class EndpointsReconcilerTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final MemoryStore<Service> services = new MemoryStore<>();
    private final MemoryStore<Pod> pods = new MemoryStore<>();
    private final MemoryStore<Endpoints> endpoints = new MemoryStore<>();
    private final List<String> deletes = new CopyOnWriteArrayList<>();
    private final List<Endpoints> writes = new CopyOnWriteArrayList<>();
    private final EndpointsReconciler reconciler = new EndpointsReconciler(services, pods, endpoints,
            new EndpointsWriter() {
                @Override
                public void create(Endpoints e) {
                    writes.add(e);
                    endpoints.put(new EndpointsBuilder(e).editMetadata().withResourceVersion("1").endMetadata().build());
                }

                @Override
                public void update(Endpoints e) {
                    writes.add(e);
                    endpoints.put(e);
                }

                @Override
                public void delete(String namespace, String name) {
                    deletes.add(namespace + "/" + name);
                    endpoints.remove(namespace, name);
                }
            }, new RecordedEvents());

    @Test
    void readyAndNotReadyPodsWithResolvedPorts() {
        services.put(service("web", "10.96.0.10"));
        pods.put(labelled(Fixtures.runningPod("default", "web-b", "n2", "10.244.1.5", T0)));
        pods.put(labelled(Fixtures.runningPod("default", "web-a", "n1", "10.244.0.7", T0)));
        pods.put(notReady(labelled(Fixtures.runningPod("default", "web-c", "n1", "10.244.0.9", T0))));
        pods.put(Fixtures.runningPod("default", "other", "n1", "10.244.0.3", T0));

        reconciler.reconcile("default/web");

        Endpoints ep = writes.get(0);
        assertThat(ep.getMetadata().getLabels()).containsEntry("app", "web")
                .doesNotContainKey("endpoints.kubernetes.io/managed-by").doesNotContainKey("service.kubernetes.io/headless");
        assertThat(ep.getMetadata().getAnnotations()).containsKey("endpoints.kubernetes.io/last-change-trigger-time");
        EndpointSubset subset = ep.getSubsets().get(0);
        assertThat(subset.getAddresses()).extracting(EndpointAddress::getIp).containsExactly("10.244.0.7", "10.244.1.5");
        assertThat(subset.getAddresses().get(0).getNodeName()).isEqualTo("n1");
        assertThat(subset.getAddresses().get(0).getTargetRef().getName()).isEqualTo("web-a");
        assertThat(subset.getNotReadyAddresses()).extracting(EndpointAddress::getIp).containsExactly("10.244.0.9");
        assertThat(subset.getPorts()).extracting(p -> p.getName() + "=" + p.getPort())
                .containsExactly("http=8080", "metrics=9090");
    }

    @Test
    void noWriteWhenNothingChangedAndDeletionWhenTheServiceGoes() {
        services.put(service("web", "10.96.0.10"));
        pods.put(labelled(Fixtures.runningPod("default", "web-a", "n1", "10.244.0.7", T0)));
        reconciler.reconcile("default/web");
        reconciler.reconcile("default/web");
        assertThat(writes).hasSize(1);

        services.remove("default", "web");
        reconciler.reconcile("default/web");
        assertThat(deletes).containsExactly("default/web");
    }

    @Test
    void selectorlessServicesAreLeftAlone() {
        services.put(new ServiceBuilder().withNewMetadata().withNamespace("default").withName("kubernetes")
                .endMetadata().withNewSpec().withClusterIP("10.96.0.1").addNewPort().withName("https").withPort(443)
                .endPort().endSpec().build());
        endpoints.put(new EndpointsBuilder().withNewMetadata().withNamespace("default").withName("kubernetes")
                .endMetadata().addNewSubset().addNewAddress().withIp("127.0.0.1").endAddress().endSubset().build());
        reconciler.reconcile("default/kubernetes");
        assertThat(writes).isEmpty();
        assertThat(deletes).isEmpty();
    }

    @Test
    void headlessServicesAreLabelledAndTerminatingPodsLeft() {
        services.put(service("db", "None"));
        pods.put(labelled(Fixtures.runningPod("default", "db-0", "n1", "10.244.0.7", T0), "db"));
        pods.put(new PodBuilder(labelled(Fixtures.runningPod("default", "db-1", "n1", "10.244.0.8", T0), "db"))
                .editMetadata().withDeletionTimestamp("2024-01-01T00:01:00Z").endMetadata().build());
        reconciler.reconcile("default/db");
        Endpoints ep = writes.get(0);
        assertThat(ep.getMetadata().getLabels()).containsEntry("service.kubernetes.io/headless", "");
        assertThat(ep.getSubsets()).singleElement().satisfies(s ->
                assertThat(s.getAddresses()).extracting(EndpointAddress::getIp).containsExactly("10.244.0.7"));
    }

    @Test
    void portsServedByDifferentPodsGetTheirOwnSubsets() {
        services.put(service("web", "10.96.0.10"));
        Pod withMetrics = labelled(Fixtures.runningPod("default", "web-a", "n1", "10.244.0.7", T0));
        Pod without = new PodBuilder(labelled(Fixtures.runningPod("default", "web-b", "n1", "10.244.0.8", T0)))
                .editSpec().editFirstContainer().withPorts(List.of()).endContainer().endSpec().build();
        pods.put(withMetrics).put(without);
        reconciler.reconcile("default/web");
        assertThat(writes.get(0).getSubsets()).hasSize(2)
                .anySatisfy(s -> {
                    assertThat(s.getPorts()).extracting(p -> p.getName()).containsExactly("http");
                    assertThat(s.getAddresses()).hasSize(2);
                })
                .anySatisfy(s -> {
                    assertThat(s.getPorts()).extracting(p -> p.getName()).containsExactly("metrics");
                    assertThat(s.getAddresses()).extracting(EndpointAddress::getIp).containsExactly("10.244.0.7");
                });
    }

    @Test
    void moreThanAThousandAddressesAreTruncatedAndAnnotated() {
        services.put(service("big", "10.96.0.20"));
        for (int i = 0; i < 1001; i++) {
            pods.put(labelled(Fixtures.runningPod("default", "big-" + i, "n1",
                    "10.244." + (i / 250) + "." + (i % 250 + 1), T0), "big"));
        }
        reconciler.reconcile("default/big");
        Endpoints ep = writes.get(0);
        assertThat(ep.getMetadata().getAnnotations()).containsEntry("endpoints.kubernetes.io/over-capacity", "truncated");
        assertThat(ep.getSubsets().stream().mapToInt(s -> s.getAddresses().size()).max().orElse(0)).isEqualTo(1000);
    }

    static Service service(String name, String clusterIp) {
        return new ServiceBuilder().withNewMetadata().withNamespace("default").withName(name)
                .withCreationTimestamp("2024-01-01T00:00:00Z").addToLabels("app", name).endMetadata()
                .withNewSpec().withClusterIP(clusterIp).addToSelector("app", name)
                .addNewPort().withName("http").withPort(80).withProtocol("TCP").withTargetPort(new IntOrString(8080))
                .endPort()
                .addNewPort().withName("metrics").withPort(9090).withProtocol("TCP")
                .withTargetPort(new IntOrString("metrics")).endPort()
                .endSpec().build();
    }

    static Pod labelled(Pod pod) {
        return labelled(pod, "web");
    }

    static Pod labelled(Pod pod, String app) {
        return new PodBuilder(pod).editMetadata().addToLabels("app", app).endMetadata().editSpec().editFirstContainer()
                .addNewPort().withName("metrics").withContainerPort(9090).withProtocol("TCP").endPort().endContainer()
                .endSpec().build();
    }

    static Pod notReady(Pod pod) {
        return new PodBuilder(pod).editStatus().editFirstCondition().withStatus("False").endCondition().endStatus()
                .build();
    }
}
