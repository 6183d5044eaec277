package io.kubesim.controllers.gc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubesim.controllers.support.ApiErrors;

/**
 * {@link GcWriter} over the Fabric8 client: deletes carry a uid precondition (raw request, as
 * Fabric8 has no DSL for it); owner references are edited with strategic-merge {@code $patch:
 * delete} directives keyed by uid; finalizers are removed with a merge patch pinned to the
 * resourceVersion just read. Thread-safe.
 */
final class Fabric8GcWriter implements GcWriter {

    private static final int CONFLICT_RETRIES = 5;

    private final KubernetesClient client;

    Fabric8GcWriter(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public void delete(ObjectRef object, String propagationPolicy) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("apiVersion", "v1");
        options.put("kind", "DeleteOptions");
        options.put("propagationPolicy", propagationPolicy);
        options.put("preconditions", Map.of("uid", object.uid()));
        try {
            client.raw(object.kind().path(object.namespace(), object.name()), "DELETE", options);
        } catch (KubernetesClientException e) {
            // 404: already gone; 409: the name now belongs to another object
            if (e.getCode() != 404 && e.getCode() != 409) {
                throw e;
            }
        }
    }

    @Override
    public void removeOwnerReferences(ObjectRef object, Collection<String> ownerUids) {
        List<Map<String, Object>> refs = new ArrayList<>();
        ownerUids.forEach(uid -> refs.add(Map.of("$patch", "delete", "uid", uid)));
        strategicPatch(object, refs);
    }

    @Override
    public void unblockOwnerReferences(ObjectRef object, Collection<String> ownerUids) {
        List<Map<String, Object>> refs = new ArrayList<>();
        ownerUids.forEach(uid -> refs.add(Map.of("uid", uid, "blockOwnerDeletion", false)));
        strategicPatch(object, refs);
    }

    private void strategicPatch(ObjectRef object, List<Map<String, Object>> ownerReferences) {
        String patch = json(Map.of("metadata", Map.of("ownerReferences", ownerReferences, "uid", object.uid())));
        try {
            resource(object).patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch);
        } catch (KubernetesClientException e) {
            if (!ApiErrors.isNotFound(e)) {
                throw e;
            }
        }
    }

    @Override
    public void removeFinalizer(ObjectRef object, String finalizer) {
        for (int attempt = 1; ; attempt++) {
            HasMetadata live = resource(object).get();
            if (live == null || !object.uid().equals(live.getMetadata().getUid())) {
                return;
            }
            List<String> finalizers = new ArrayList<>(live.getMetadata().getFinalizers() == null ? List.of()
                    : live.getMetadata().getFinalizers());
            if (!finalizers.remove(finalizer)) {
                return;
            }
            String patch = json(Map.of("metadata", Map.of("resourceVersion", live.getMetadata().getResourceVersion(),
                    "finalizers", finalizers)));
            try {
                resource(object).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
                return;
            } catch (KubernetesClientException e) {
                if (ApiErrors.isNotFound(e)) {
                    return;
                }
                if (e.getCode() != 409 || attempt >= CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Resource<HasMetadata> resource(ObjectRef object) {
        var resources = client.resources((Class<HasMetadata>) object.kind().type());
        return object.namespace() == null ? resources.withName(object.name())
                : resources.inNamespace(object.namespace()).withName(object.name());
    }

    private String json(Object value) {
        return client.getKubernetesSerialization().asJson(value);
    }
}
