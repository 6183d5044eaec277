package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.ScaleSpec;
import io.kubesim.server.registry.Subresource;
import io.kubesim.server.registry.Verb;

class RegistrationTest {

    private static List<ResourceDescriptor> all() {
        List<ResourceDescriptor> all = new ArrayList<>(CoreV1.descriptors());
        all.addAll(AppsV1.descriptors());
        all.addAll(CoordinationV1.descriptors());
        return all;
    }

    private static ResourceDescriptor get(String plural) {
        return all().stream().filter(d -> d.plural().equals(plural)).findFirst().orElseThrow();
    }

    @Test
    void namesAreUnique() {
        List<ResourceDescriptor> all = all();
        assertThat(all).hasSize(14);
        assertThat(all.stream().map(d -> d.group() + "/" + d.plural())).doesNotHaveDuplicates();
        assertThat(all.stream().map(d -> d.group() + "/" + d.kind())).doesNotHaveDuplicates();
        List<String> shortNames = all.stream().flatMap(d -> d.shortNames().stream()).toList();
        assertThat(shortNames).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder("po", "no", "ns", "ev", "svc", "ep", "cm", "sa", "deploy", "rs", "ds", "sts");
        assertThat(all).allSatisfy(d -> {
            assertThat(d.singular()).isNotBlank();
            assertThat(d.modelClass().getSimpleName()).isEqualTo(d.kind());
            assertThat(d.strategy()).isNotNull();
        });
    }

    @Test
    void storagePrefixesAreDistinctAndNotNested() {
        List<String> prefixes = all().stream().map(ResourceDescriptor::storagePrefix).toList();
        assertThat(new HashSet<>(prefixes)).hasSize(prefixes.size());
        for (String a : prefixes) {
            for (String b : prefixes) {
                if (!a.equals(b)) {
                    assertThat((b + "/").startsWith(a + "/")).as(a + " contains " + b).isFalse();
                }
            }
        }
        assertThat(get("nodes").storagePrefix()).isEqualTo("/registry/minions");
        assertThat(get("services").storagePrefix()).isEqualTo("/registry/services/specs");
        assertThat(get("endpoints").storagePrefix()).isEqualTo("/registry/services/endpoints");
        assertThat(get("pods").key("default", "web")).isEqualTo("/registry/pods/default/web");
        assertThat(get("namespaces").key(null, "default")).isEqualTo("/registry/namespaces/default");
    }

    @Test
    void discoveryShape() {
        assertThat(all().stream().filter(d -> d.categories().contains("all")).map(ResourceDescriptor::plural))
                .containsExactly("pods", "services", "daemonsets", "deployments", "replicasets", "statefulsets");
        assertThat(all().stream().filter(d -> !d.namespaced()).map(ResourceDescriptor::plural))
                .containsExactlyInAnyOrder("namespaces", "nodes");
        assertThat(get("pods").subresources()).containsExactlyInAnyOrder(Subresource.STATUS, Subresource.BINDING,
                Subresource.EVICTION, Subresource.LOG);
        assertThat(get("namespaces").subresources()).containsExactlyInAnyOrder(Subresource.STATUS, Subresource.FINALIZE);
        assertThat(get("namespaces").supports(Verb.deletecollection)).isFalse();
        assertThat(get("daemonsets").subresources()).containsExactly(Subresource.STATUS);
        for (String p : List.of("deployments", "replicasets", "statefulsets")) {
            assertThat(get(p).subresources()).containsExactlyInAnyOrder(Subresource.STATUS, Subresource.SCALE);
            assertThat(get(p).scale()).isEqualTo(ScaleSpec.APPS);
        }
        for (String p : List.of("leases", "configmaps", "secrets", "serviceaccounts", "endpoints", "events")) {
            assertThat(get(p).subresources()).isEmpty();
        }
        assertThat(all().stream().filter(ResourceDescriptor::tracksGeneration).map(ResourceDescriptor::plural))
                .containsExactly("daemonsets", "deployments", "replicasets", "statefulsets");
        assertThat(get("leases").apiVersion()).isEqualTo("coordination.k8s.io/v1");
        assertThat(get("deployments").qualifiedResource()).isEqualTo("deployments.apps");
    }

    @Test
    void fieldSelectors() {
        Map<String, Set<String>> declared = all().stream().collect(Collectors.toMap(ResourceDescriptor::plural,
                d -> d.fields().declared()));
        assertThat(declared.get("pods")).containsExactly("spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
                "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName");
        assertThat(declared.get("nodes")).containsExactly("spec.unschedulable");
        assertThat(declared.get("namespaces")).containsExactly("status.phase", "name");
        assertThat(declared.get("secrets")).containsExactly("type");
        assertThat(declared.get("replicasets")).containsExactly("status.replicas");
        assertThat(declared.get("services")).containsExactly("spec.clusterIP", "spec.type");
        assertThat(declared.get("events")).containsExactly("involvedObject.kind", "involvedObject.namespace",
                "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type");
        assertThat(declared.get("deployments")).isEmpty();

        assertThat(get("pods").fields().extract(yaml("""
                spec: {nodeName: n1}
                status: {phase: Running, podIPs: [{ip: 10.244.0.9}]}
                """))).containsEntry("spec.nodeName", "n1").containsEntry("spec.hostNetwork", "false")
                .containsEntry("status.podIP", "10.244.0.9").containsEntry("spec.restartPolicy", "");
        assertThat(get("nodes").fields().extract(yaml("spec: {unschedulable: true}")))
                .containsEntry("spec.unschedulable", "true");
        assertThat(get("replicasets").fields().extract(yaml("spec: {}"))).containsEntry("status.replicas", "0");
        assertThat(get("events").fields().extract(yaml("{reportingComponent: kubelet, source: {}}")))
                .containsEntry("source", "kubelet");
        assertThat(get("namespaces").fields().extract(yaml("metadata: {name: a}\nstatus: {phase: Active}")))
                .containsEntry("name", "a").containsEntry("status.phase", "Active");
    }

    @Test
    void sharedAllocatorsAreWiredIntoTheServiceStrategy() {
        InMemoryClusterIpAllocator ips = new InMemoryClusterIpAllocator("10.96.0.0/28");
        ResourceDescriptor services = CoreV1.descriptors(ips, new InMemoryNodePortAllocator()).stream()
                .filter(d -> d.plural().equals("services")).findFirst().orElseThrow();
        var svc = yaml("metadata: {name: a, namespace: default, uid: u}\nspec: {ports: [{port: 80}]}");
        services.strategy().applyDefaults(svc);
        services.strategy().prepareForCreate(svc);
        assertThat(ips.isAllocated(svc.at("/spec/clusterIP").asString())).isTrue();
    }
}
