package io.kubesim.controllers.support;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;

/**
 * A resource type the API server serves, with what controllers need to address it generically:
 * its group/version, kind, plural, scope and Fabric8 model class. Immutable.
 */
public record ServedKind(String apiVersion, String kind, String plural, boolean namespaced,
                         Class<? extends HasMetadata> type) {

    /** Every kind the server serves, namespaced kinds first. */
    public static final List<ServedKind> ALL = List.of(
            new ServedKind("v1", "Pod", "pods", true, Pod.class),
            new ServedKind("v1", "Service", "services", true, Service.class),
            new ServedKind("v1", "Endpoints", "endpoints", true, Endpoints.class),
            new ServedKind("v1", "ConfigMap", "configmaps", true, ConfigMap.class),
            new ServedKind("v1", "Secret", "secrets", true, Secret.class),
            new ServedKind("v1", "ServiceAccount", "serviceaccounts", true, ServiceAccount.class),
            new ServedKind("v1", "Event", "events", true, Event.class),
            new ServedKind("apps/v1", "Deployment", "deployments", true, Deployment.class),
            new ServedKind("apps/v1", "ReplicaSet", "replicasets", true, ReplicaSet.class),
            new ServedKind("apps/v1", "StatefulSet", "statefulsets", true, StatefulSet.class),
            new ServedKind("apps/v1", "DaemonSet", "daemonsets", true, DaemonSet.class),
            new ServedKind("coordination.k8s.io/v1", "Lease", "leases", true, Lease.class),
            new ServedKind("v1", "Node", "nodes", false, Node.class),
            new ServedKind("v1", "Namespace", "namespaces", false, Namespace.class));

    /** The served kind an owner reference (apiVersion + kind) names, if any; only the group of the version counts. */
    public static Optional<ServedKind> find(String apiVersion, String kind) {
        String group = apiVersion == null || !apiVersion.contains("/") ? "" : apiVersion.substring(0, apiVersion.indexOf('/'));
        return ALL.stream().filter(k -> k.group().equals(group) && k.kind.equals(kind)).findFirst();
    }

    public static Optional<ServedKind> of(Class<?> type) {
        return ALL.stream().filter(k -> k.type.equals(type)).findFirst();
    }

    /** The group, "" for the core group. */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** The REST path of one object, e.g. {@code /apis/apps/v1/namespaces/ns/replicasets/web}. */
    public String path(String namespace, String name) {
        String root = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        String scope = namespaced ? "/namespaces/" + namespace : "";
        return root + scope + "/" + plural + "/" + name;
    }
}
