package io.kubesim.controllers.statefulset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.kubesim.controllers.support.OwnerRefs;
import io.kubesim.controllers.support.PodTemplates;
import io.kubesim.controllers.support.Pods;
import io.kubesim.controllers.support.TemplateHash;

/**
 * A StatefulSet's pods: their names and ordinals, identity labels, revision label and
 * construction, as Kubernetes' {@code stateful_set_utils}. Stateless.
 */
final class StatefulPods {

    static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
    static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
    static final String REVISION_LABEL = "controller-revision-hash";
    static final String API_VERSION = "apps/v1";
    static final String KIND = "StatefulSet";

    private static final Pattern NAME = Pattern.compile("(.*)-([0-9]+)$");

    private StatefulPods() {
    }

    /** The ordinal in {@code pod}'s name, or -1 if it has none. */
    static int ordinal(Pod pod) {
        Matcher m = NAME.matcher(pod.getMetadata().getName());
        if (!m.matches()) {
            return -1;
        }
        try {
            return Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** True if {@code pod}'s name makes it a member of {@code set} ({@code <set>-<ordinal>}). */
    static boolean isMember(StatefulSet set, Pod pod) {
        Matcher m = NAME.matcher(pod.getMetadata().getName());
        return m.matches() && m.group(1).equals(set.getMetadata().getName());
    }

    static String podName(StatefulSet set, int ordinal) {
        return set.getMetadata().getName() + "-" + ordinal;
    }

    static int startOrdinal(StatefulSet set) {
        return set.getSpec().getOrdinals() == null || set.getSpec().getOrdinals().getStart() == null ? 0
                : set.getSpec().getOrdinals().getStart();
    }

    static String revision(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels == null ? null : labels.get(REVISION_LABEL);
    }

    /** The revision name of {@code template}: {@code <set>-<hash>}, as ControllerRevision names are formed. */
    static String revisionName(StatefulSet set, PodTemplateSpec template, Integer collisionCount) {
        return set.getMetadata().getName() + "-" + TemplateHash.compute(template, collisionCount);
    }

    /** True if the pod carries the name, namespace and pod-name label of its ordinal in {@code set}. */
    static boolean identityMatches(StatefulSet set, Pod pod) {
        int ordinal = ordinal(pod);
        Map<String, String> labels = pod.getMetadata().getLabels();
        return ordinal >= 0 && isMember(set, pod)
                && pod.getMetadata().getName().equals(podName(set, ordinal))
                && set.getMetadata().getNamespace().equals(pod.getMetadata().getNamespace())
                && labels != null && pod.getMetadata().getName().equals(labels.get(POD_NAME_LABEL));
    }

    /** Sets the identity labels ({@code pod} is a copy). */
    static void updateIdentity(StatefulSet set, Pod pod) {
        int ordinal = ordinal(pod);
        Map<String, String> labels = pod.getMetadata().getLabels() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(pod.getMetadata().getLabels());
        labels.put(POD_NAME_LABEL, pod.getMetadata().getName());
        labels.put(POD_INDEX_LABEL, Integer.toString(ordinal));
        pod.getMetadata().setLabels(labels);
    }

    /**
     * A new pod for {@code ordinal} from {@code template} at {@code revision}: named
     * {@code <set>-<ordinal>}, hostname = name, subdomain = the governing service, identity and
     * revision labels, and a volume per claim template referring to {@code <claim>-<set>-<ordinal>}.
     */
    static Pod newPod(StatefulSet set, PodTemplateSpec template, int ordinal, String revision) {
        Pod pod = PodTemplates.newPod(template, set.getMetadata().getNamespace(),
                OwnerRefs.controllerRef(set, API_VERSION, KIND));
        pod.getMetadata().setName(podName(set, ordinal));
        updateIdentity(set, pod);
        pod.getMetadata().getLabels().put(REVISION_LABEL, revision);
        pod.getSpec().setHostname(pod.getMetadata().getName());
        pod.getSpec().setSubdomain(set.getSpec().getServiceName());
        addClaimVolumes(set, pod, ordinal);
        return pod;
    }

    private static void addClaimVolumes(StatefulSet set, Pod pod, int ordinal) {
        List<PersistentVolumeClaim> claims = set.getSpec().getVolumeClaimTemplates();
        if (claims == null || claims.isEmpty()) {
            return;
        }
        List<Volume> volumes = new ArrayList<>();
        for (PersistentVolumeClaim claim : claims) {
            String name = claim.getMetadata().getName();
            volumes.add(new VolumeBuilder().withName(name).withNewPersistentVolumeClaim()
                    .withClaimName(name + "-" + set.getMetadata().getName() + "-" + ordinal).withReadOnly(false)
                    .endPersistentVolumeClaim().build());
        }
        if (pod.getSpec().getVolumes() != null) {
            for (Volume v : pod.getSpec().getVolumes()) {
                if (volumes.stream().noneMatch(c -> c.getName().equals(v.getName()))) {
                    volumes.add(v);
                }
            }
        }
        pod.getSpec().setVolumes(volumes);
    }

    /** Running, ready and not being deleted. */
    static boolean isHealthy(Pod pod) {
        return Pods.isRunningAndReady(pod) && !Pods.isTerminating(pod);
    }

    /** Missing, unhealthy, or not yet ready for {@code minReadySeconds}. */
    static boolean isUnavailable(Pod pod, int minReadySeconds, java.time.Instant now) {
        return pod == null || !isHealthy(pod) || !Pods.isAvailable(pod, minReadySeconds, now);
    }
}
