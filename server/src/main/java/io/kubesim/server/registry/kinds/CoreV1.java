package io.kubesim.server.registry.kinds;

import java.util.EnumSet;
import java.util.List;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.SelectableFields;
import io.kubesim.server.registry.Subresource;
import io.kubesim.server.registry.Verb;
import io.kubesim.server.validation.Trees;
import io.kubesim.server.table.ConfigMapTable;
import io.kubesim.server.table.EndpointsTable;
import io.kubesim.server.table.EventTable;
import io.kubesim.server.table.NamespaceTable;
import io.kubesim.server.table.NodeTable;
import io.kubesim.server.table.PodTable;
import io.kubesim.server.table.SecretTable;
import io.kubesim.server.table.ServiceAccountTable;
import io.kubesim.server.table.ServiceTable;
import tools.jackson.databind.JsonNode;

/**
 * The core group ({@code /api/v1}) resources we serve, declared as a real 1.32 server's discovery
 * and etcd layout show them, in discovery order (alphabetical by plural). Stateless; each call builds fresh descriptors.
 */
public final class CoreV1 {

    private CoreV1() {
    }

    /** The descriptors with in-memory cluster-IP and node-port allocators (tests, single server). */
    public static List<ResourceDescriptor> descriptors() {
        return descriptors(new InMemoryClusterIpAllocator(), new InMemoryNodePortAllocator());
    }

    /** The descriptors; the service strategy allocates from the given allocators. */
    public static List<ResourceDescriptor> descriptors(ClusterIpAllocator clusterIps, NodePortAllocator nodePorts) {
        return List.of(
                core("ConfigMap", "configmaps", "configmap").shortNames("cm")
                        .storagePrefix("/registry/configmaps").model(ConfigMap.class).table(new ConfigMapTable())
                        .strategy(new ConfigMapStrategy()).build(),
                core("Endpoints", "endpoints", "endpoints").shortNames("ep")
                        .storagePrefix("/registry/services/endpoints").model(Endpoints.class).table(new EndpointsTable())
                        .strategy(new EndpointsStrategy()).build(),
                core("Event", "events", "event").shortNames("ev")
                        .storagePrefix("/registry/events").model(Event.class).table(new EventTable())
                        .strategy(new EventStrategy()).fields(eventFields()).build(),
                core("Namespace", "namespaces", "namespace").shortNames("ns").clusterScoped()
                        .verbs(EnumSet.complementOf(EnumSet.of(Verb.deletecollection)))
                        .subresources(Subresource.STATUS, Subresource.FINALIZE)
                        .storagePrefix("/registry/namespaces").model(Namespace.class).table(new NamespaceTable())
                        .strategy(new NamespaceStrategy()).fields(SelectableFields.builder()
                                .path("status.phase")
                                // Upstream keeps this pre-"metadata.name" label for compatibility.
                                .custom("name", o -> Trees.textOrEmpty(o.get("metadata"), "name"))
                                .build())
                        .build(),
                core("Node", "nodes", "node").shortNames("no").clusterScoped()
                        .subresources(Subresource.STATUS)
                        .storagePrefix("/registry/minions").model(Node.class).table(new NodeTable())
                        .strategy(new NodeStrategy()).fields(SelectableFields.builder()
                                .custom("spec.unschedulable", o -> bool(o.get("spec"), "unschedulable"))
                                .build())
                        .build(),
                core("Pod", "pods", "pod").shortNames("po").categories("all")
                        .subresources(Subresource.STATUS, Subresource.BINDING, Subresource.EVICTION, Subresource.LOG)
                        .storagePrefix("/registry/pods").model(Pod.class).table(new PodTable())
                        .strategy(new PodStrategy()).fields(podFields()).build(),
                core("Secret", "secrets", "secret")
                        .storagePrefix("/registry/secrets").model(Secret.class).table(new SecretTable())
                        .strategy(new SecretStrategy()).fields(SelectableFields.builder().path("type").build()).build(),
                core("ServiceAccount", "serviceaccounts", "serviceaccount").shortNames("sa")
                        .storagePrefix("/registry/serviceaccounts").model(ServiceAccount.class).table(new ServiceAccountTable())
                        .strategy(new ServiceAccountStrategy()).build(),
                core("Service", "services", "service").shortNames("svc").categories("all")
                        .subresources(Subresource.STATUS)
                        .storagePrefix("/registry/services/specs").model(Service.class).table(new ServiceTable())
                        .strategy(new ServiceStrategy(clusterIps, nodePorts)).fields(SelectableFields.builder()
                                .path("spec.clusterIP").path("spec.type").build())
                        .build());
    }

    private static ResourceDescriptor.Builder core(String kind, String plural, String singular) {
        return ResourceDescriptor.builder("", "v1", kind, plural).singular(singular);
    }

    private static SelectableFields podFields() {
        return SelectableFields.builder()
                .path("spec.nodeName")
                .path("spec.restartPolicy")
                .path("spec.schedulerName")
                .path("spec.serviceAccountName")
                .custom("spec.hostNetwork", o -> bool(o.get("spec"), "hostNetwork"))
                .path("status.phase")
                .custom("status.podIP", CoreV1::podIp)
                .path("status.nominatedNodeName")
                .build();
    }

    /** Upstream reads the first of {@code status.podIPs}; {@code status.podIP} mirrors it. */
    private static String podIp(JsonNode pod) {
        JsonNode status = pod.get("status");
        List<JsonNode> ips = Trees.elements(status, "podIPs");
        if (!ips.isEmpty()) {
            return Trees.textOrEmpty(ips.get(0), "ip");
        }
        return Trees.textOrEmpty(status, "podIP");
    }

    private static SelectableFields eventFields() {
        SelectableFields.Builder b = SelectableFields.builder();
        for (String f : List.of("kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath")) {
            b.custom("involvedObject." + f, o -> Trees.textOrEmpty(o.get("involvedObject"), f));
        }
        return b.path("reason")
                .path("reportingComponent")
                // "source" is the legacy source.component, else the new-style reporting controller.
                .custom("source", o -> {
                    String component = Trees.textOrEmpty(o.get("source"), "component");
                    return component.isEmpty() ? Trees.textOrEmpty(o, "reportingComponent") : component;
                })
                .path("type")
                .build();
    }

    /** A boolean field as Go's {@code strconv.FormatBool} prints it; absent is false. */
    static String bool(JsonNode node, String field) {
        return Boolean.toString(Trees.isTrue(node, field));
    }
}
