package io.kubesim.controllers.daemonset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.kubesim.controllers.support.OwnerRefs;
import io.kubesim.controllers.support.PodTemplates;
import io.kubesim.controllers.support.Taints;

/**
 * DaemonSet pods as upstream builds them: the template plus the daemon tolerations, the
 * {@code controller-revision-hash} and {@code pod-template-generation} labels, a controller
 * reference, {@code generateName: <ds>-}, and a required node affinity
 * {@code matchFields metadata.name In [node]} that makes the default scheduler place the pod on
 * its node. Stateless.
 */
public final class DaemonPods {

    public static final String HASH_LABEL = "controller-revision-hash";
    public static final String GENERATION_LABEL = "pod-template-generation";
    /** The annotation the real API server keeps the template generation in. */
    public static final String TEMPLATE_GENERATION_ANNOTATION = "deprecated.daemonset.template.generation";

    private DaemonPods() {
    }

    /** A new pod of {@code ds} for {@code nodeName}, not yet created. */
    public static Pod newPod(DaemonSet ds, String nodeName, String hash) {
        PodTemplateSpec template = ds.getSpec().getTemplate();
        Pod pod = PodTemplates.newPod(template, ds.getMetadata().getNamespace(),
                OwnerRefs.controllerRef(ds, "apps/v1", "DaemonSet"));
        pod.getMetadata().setGenerateName(ds.getMetadata().getName() + "-");
        Map<String, String> labels = pod.getMetadata().getLabels();
        templateGeneration(ds).ifPresent(g -> labels.put(GENERATION_LABEL, Long.toString(g)));
        labels.put(HASH_LABEL, hash);
        PodSpec spec = withDaemonTolerations(template.getSpec());
        spec.setAffinity(pinnedTo(spec.getAffinity(), nodeName));
        pod.setSpec(spec);
        return pod;
    }

    /**
     * The template generation: the annotation the real server maintains, else
     * {@code metadata.generation} (our server does not set the annotation; generation moves with
     * every spec change, a superset of template changes).
     */
    public static Optional<Long> templateGeneration(DaemonSet ds) {
        Map<String, String> annotations = ds.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(TEMPLATE_GENERATION_ANNOTATION);
        if (value != null) {
            try {
                return Optional.of(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(ds.getMetadata().getGeneration());
    }

    /** Whether {@code pod} was created from the current template (hash or generation label matches). */
    public static boolean isUpdated(Pod pod, String hash, Optional<Long> generation) {
        Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
        boolean hashMatches = !hash.isEmpty() && hash.equals(labels.get(HASH_LABEL));
        boolean generationMatches = generation.isPresent()
                && generation.get().toString().equals(labels.get(GENERATION_LABEL));
        return hashMatches || generationMatches;
    }

    /** A copy of {@code spec} with the tolerations every daemon pod gets (upstream's AddOrUpdateDaemonPodTolerations). */
    public static PodSpec withDaemonTolerations(PodSpec spec) {
        PodSpec copy = new PodSpecBuilder(spec).build();
        List<Toleration> tolerations = new ArrayList<>(Taints.tolerations(copy.getTolerations()));
        // Daemon pods must survive node problems: no tolerationSeconds, so the taint manager never evicts them.
        addOrUpdate(tolerations, Taints.NOT_READY, Taints.NO_EXECUTE);
        addOrUpdate(tolerations, Taints.UNREACHABLE, Taints.NO_EXECUTE);
        addOrUpdate(tolerations, Taints.DISK_PRESSURE, Taints.NO_SCHEDULE);
        addOrUpdate(tolerations, Taints.MEMORY_PRESSURE, Taints.NO_SCHEDULE);
        addOrUpdate(tolerations, Taints.PID_PRESSURE, Taints.NO_SCHEDULE);
        addOrUpdate(tolerations, Taints.UNSCHEDULABLE, Taints.NO_SCHEDULE);
        if (Boolean.TRUE.equals(copy.getHostNetwork())) {
            addOrUpdate(tolerations, Taints.NETWORK_UNAVAILABLE, Taints.NO_SCHEDULE);
        }
        copy.setTolerations(tolerations);
        return copy;
    }

    private static void addOrUpdate(List<Toleration> tolerations, String key, String effect) {
        Toleration wanted = new TolerationBuilder().withKey(key).withOperator("Exists").withEffect(effect).build();
        for (int i = 0; i < tolerations.size(); i++) {
            Toleration t = tolerations.get(i);
            if (key.equals(t.getKey()) && effect.equals(t.getEffect())) {
                tolerations.set(i, wanted);
                return;
            }
        }
        tolerations.add(wanted);
    }

    /** Upstream's ReplaceDaemonSetPodNodeNameNodeAffinity: the required terms become one term pinning the node. */
    static Affinity pinnedTo(Affinity affinity, String nodeName) {
        NodeSelector selector = new NodeSelectorBuilder().addNewNodeSelectorTerm()
                .addNewMatchField().withKey("metadata.name").withOperator("In").withValues(nodeName).endMatchField()
                .endNodeSelectorTerm().build();
        Affinity result = affinity == null ? new Affinity() : new AffinityBuilder(affinity).build();
        NodeAffinity nodeAffinity = result.getNodeAffinity() == null ? new NodeAffinity() : result.getNodeAffinity();
        nodeAffinity.setRequiredDuringSchedulingIgnoredDuringExecution(selector);
        result.setNodeAffinity(nodeAffinity);
        return result;
    }

    /** The node a daemon pod belongs to: {@code spec.nodeName}, else its {@code metadata.name} node affinity. */
    public static Optional<String> targetNode(Pod pod) {
        if (pod.getSpec() == null) {
            return Optional.empty();
        }
        if (pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty()) {
            return Optional.of(pod.getSpec().getNodeName());
        }
        Affinity affinity = pod.getSpec().getAffinity();
        if (affinity == null || affinity.getNodeAffinity() == null
                || affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
            return Optional.empty();
        }
        List<NodeSelectorTerm> terms =
                affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
        for (NodeSelectorTerm term : terms == null ? List.<NodeSelectorTerm>of() : terms) {
            for (NodeSelectorRequirement r : term.getMatchFields() == null
                    ? List.<NodeSelectorRequirement>of() : term.getMatchFields()) {
                if ("metadata.name".equals(r.getKey()) && "In".equals(r.getOperator())) {
                    return r.getValues() != null && r.getValues().size() == 1
                            ? Optional.of(r.getValues().get(0)) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
