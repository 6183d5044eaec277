package io.kubesim.controllers.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/** Pods built from a controller's pod template, as {@code controller.GetPodFromTemplate} builds them. Stateless. */
public final class PodTemplates {

    private PodTemplates() {
    }

    /**
     * A new pod (not yet created) with the template's labels, annotations, finalizers and a copy of
     * its spec, controlled by {@code controllerRef}, in {@code namespace}. Name it before creating.
     */
    public static Pod newPod(PodTemplateSpec template, String namespace, OwnerReference controllerRef) {
        ObjectMeta tm = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
        ObjectMeta meta = new ObjectMeta();
        meta.setNamespace(namespace);
        meta.setLabels(tm.getLabels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(tm.getLabels()));
        Map<String, String> annotations = tm.getAnnotations();
        if (annotations != null && !annotations.isEmpty()) {
            meta.setAnnotations(new LinkedHashMap<>(annotations));
        }
        if (tm.getFinalizers() != null && !tm.getFinalizers().isEmpty()) {
            meta.setFinalizers(new ArrayList<>(tm.getFinalizers()));
        }
        if (controllerRef != null) {
            meta.setOwnerReferences(new ArrayList<>(List.of(controllerRef)));
        }
        Pod pod = new Pod();
        pod.setMetadata(meta);
        pod.setSpec(template.getSpec() == null ? new PodSpec() : DeepCopy.of(template.getSpec()));
        return pod;
    }
}
