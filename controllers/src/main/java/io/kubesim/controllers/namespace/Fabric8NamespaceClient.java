package io.kubesim.controllers.namespace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.controllers.support.ApiErrors;
import io.kubesim.controllers.support.ServedKind;

/**
 * {@link NamespaceContent} and {@link NamespaceWriter} over the Fabric8 client. Fabric8 has no
 * DSL for {@code namespaces/finalize}; it is a raw PUT. Thread-safe.
 */
final class Fabric8NamespaceClient implements NamespaceContent, NamespaceWriter {

    private final KubernetesClient client;

    Fabric8NamespaceClient(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public void deleteAll(ServedKind kind, String namespace) {
        client.resources(kind.type()).inNamespace(namespace).withPropagationPolicy(DeletionPropagation.BACKGROUND)
                .delete();
    }

    @Override
    public List<? extends HasMetadata> remaining(ServedKind kind, String namespace) {
        return client.resources(kind.type()).inNamespace(namespace).list().getItems();
    }

    @Override
    public Namespace updateStatus(Namespace ns, NamespaceStatus status) {
        Namespace copy = new NamespaceBuilder(ns).withStatus(status).build();
        return client.namespaces().resource(copy).updateStatus();
    }

    @Override
    public void release(Namespace ns, List<String> finalizers) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", ns.getMetadata().getName());
        metadata.put("resourceVersion", ns.getMetadata().getResourceVersion());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "v1");
        body.put("kind", "Namespace");
        body.put("metadata", metadata);
        body.put("spec", Map.of("finalizers", finalizers));
        try {
            client.raw("/api/v1/namespaces/" + ns.getMetadata().getName() + "/finalize", "PUT", body);
        } catch (KubernetesClientException e) {
            if (!ApiErrors.isNotFound(e)) {
                throw e;
            }
        }
    }
}
