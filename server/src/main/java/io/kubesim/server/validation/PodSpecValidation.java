package io.kubesim.server.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.kubesim.server.api.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validation of a {@code PodSpec} (of a pod, or of a workload's pod template) with upstream's
 * paths and messages. Covers the fields our clients set: volumes, containers, init containers,
 * restart/DNS/preemption policies, node selector, tolerations, names that must be DNS names,
 * and deadlines. Expects defaulted input.
 *
 * <p>Stateless and thread-safe.
 */
public final class PodSpecValidation {

    public static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
    private static final List<String> DNS_POLICIES = List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
    private static final List<String> PREEMPTION_POLICIES = List.of("PreemptLowerPriority", "Never");
    private static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final List<String> VOLUME_SOURCES = List.of("hostPath", "emptyDir", "gcePersistentDisk",
            "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi", "glusterfs", "persistentVolumeClaim", "rbd",
            "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc", "azureFile", "configMap",
            "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected", "portworxVolume",
            "scaleIO", "storageos", "csi", "ephemeral", "image");
    private static final long MAX_INT32 = Integer.MAX_VALUE;

    private PodSpecValidation() {
    }

    /** Errors in a pod spec at {@code path}; {@code forPod} adds the checks upstream runs only on real pods. */
    public static List<FieldError> validate(JsonNode spec, FieldPath path, boolean forPod) {
        List<FieldError> errs = new ArrayList<>();
        if (!Trees.isSet(spec, "terminationGracePeriodSeconds")) {
            errs.add(FieldError.required(path.child("terminationGracePeriodSeconds").value(), ""));
        }
        Set<String> volumes = new HashSet<>();
        errs.addAll(validateVolumes(Trees.objects(spec, "volumes"), path.child("volumes"), volumes));
        List<ObjectNode> containers = Trees.objects(spec, "containers");
        errs.addAll(ContainerValidation.validateContainers(containers, volumes, path.child("containers"), forPod));
        errs.addAll(ContainerValidation.validateInitContainers(Trees.objects(spec, "initContainers"), containers,
                volumes, path.child("initContainers"), forPod));
        errs.addAll(Checks.oneOf(Trees.text(spec, "restartPolicy"), path.child("restartPolicy"), RESTART_POLICIES));
        String dnsPolicy = Trees.text(spec, "dnsPolicy");
        errs.addAll(Checks.oneOf(dnsPolicy, path.child("dnsPolicy"), DNS_POLICIES));
        errs.addAll(LabelValidation.validateLabels(Trees.stringMap(spec, "nodeSelector"), path.child("nodeSelector")));
        if ("None".equals(dnsPolicy) && Trees.object(spec, "dnsConfig") == null) {
            errs.add(FieldError.required(path.child("dnsConfig").value(), "must provide `dnsConfig` when `dnsPolicy` is None"));
        }
        List<ObjectNode> gates = Trees.objects(spec, "readinessGates");
        for (int i = 0; i < gates.size(); i++) {
            errs.addAll(Checks.qualifiedName(Trees.textOrEmpty(gates.get(i), "conditionType"),
                    path.child("readinessGates").index(i).child("conditionType")));
        }
        errs.addAll(validateSchedulingGates(Trees.objects(spec, "schedulingGates"), path.child("schedulingGates")));
        for (String f : List.of("serviceAccountName", "nodeName", "priorityClassName")) {
            String v = Trees.textOrEmpty(spec, f);
            if (!v.isEmpty()) {
                errs.addAll(Checks.dns1123Subdomain(v, path.child(f)));
            }
        }
        Long deadline = Trees.integer(spec, "activeDeadlineSeconds");
        if (deadline != null && (deadline < 1 || deadline > MAX_INT32)) {
            errs.add(FieldError.invalid(path.child("activeDeadlineSeconds").value(), deadline,
                    NameValidation.inclusiveRangeError(1, MAX_INT32)));
        }
        for (String f : List.of("hostname", "subdomain")) {
            String v = Trees.textOrEmpty(spec, f);
            if (!v.isEmpty()) {
                errs.addAll(Checks.dns1123Label(v, path.child(f)));
            }
        }
        errs.addAll(validateTolerations(Trees.objects(spec, "tolerations"), path.child("tolerations")));
        String preemption = Trees.text(spec, "preemptionPolicy");
        if (preemption != null) {
            errs.addAll(Checks.oneOf(preemption, path.child("preemptionPolicy"), PREEMPTION_POLICIES));
        }
        return errs;
    }

    /**
     * Errors in a {@code PodTemplateSpec} at {@code path} (upstream reports its label errors at
     * {@code <path>.labels}, not {@code <path>.metadata.labels}).
     */
    public static List<FieldError> validateTemplate(JsonNode template, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode meta = Trees.object(template, "metadata");
        errs.addAll(LabelValidation.validateLabels(Trees.stringMap(meta, "labels"), path.child("labels")));
        errs.addAll(LabelValidation.validateAnnotations(Trees.stringMap(meta, "annotations"), path.child("annotations")));
        JsonNode spec = Trees.object(template, "spec");
        errs.addAll(validate(spec, path.child("spec"), false));
        if (!Trees.elements(spec, "ephemeralContainers").isEmpty()) {
            errs.add(FieldError.forbidden(path.child("spec", "ephemeralContainers").value(),
                    "ephemeral containers not allowed in pod template"));
        }
        return errs;
    }

    public static List<FieldError> validateTolerations(List<ObjectNode> tolerations, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; i < tolerations.size(); i++) {
            ObjectNode t = tolerations.get(i);
            FieldPath p = path.index(i);
            String key = Trees.textOrEmpty(t, "key");
            String operator = Trees.textOrEmpty(t, "operator");
            String value = Trees.textOrEmpty(t, "value");
            String effect = Trees.textOrEmpty(t, "effect");
            if (!key.isEmpty()) {
                errs.addAll(LabelValidation.validateLabelName(key, p.child("key")));
            }
            if (key.isEmpty() && !operator.equals("Exists")) {
                errs.add(FieldError.invalid(p.child("operator").value(), operator,
                        "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
            }
            if (Trees.isSet(t, "tolerationSeconds") && !effect.equals("NoExecute")) {
                errs.add(FieldError.invalid(p.child("effect").value(), effect,
                        "effect must be 'NoExecute' when `tolerationSeconds` is set"));
            }
            switch (operator) {
                case "Equal", "" -> {
                    List<String> msgs = NameValidation.labelValue(value);
                    if (!msgs.isEmpty()) {
                        errs.add(FieldError.invalid(p.child("operator").value(), value, String.join(";", msgs)));
                    }
                }
                case "Exists" -> {
                    if (!value.isEmpty()) {
                        errs.add(FieldError.invalid(p.child("operator").value(), tolerationRepr(t),
                                "value must be empty when `operator` is 'Exists'"));
                    }
                }
                default -> errs.add(FieldError.notSupported(p.child("operator").value(), operator, List.of("Equal", "Exists")));
            }
            if (!effect.isEmpty() && !TAINT_EFFECTS.contains(effect)) {
                errs.add(FieldError.notSupported(p.child("effect").value(), effect, TAINT_EFFECTS));
            }
        }
        return errs;
    }

    private static List<FieldError> validateVolumes(List<ObjectNode> volumes, FieldPath path, Set<String> names) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; i < volumes.size(); i++) {
            ObjectNode v = volumes.get(i);
            FieldPath p = path.index(i);
            List<FieldError> el = new ArrayList<>();
            List<String> sources = VOLUME_SOURCES.stream().filter(s -> Trees.isSet(v, s)).toList();
            if (sources.isEmpty()) {
                el.add(FieldError.required(p.value(), "must specify a volume type"));
            }
            for (String extra : sources.stream().skip(1).toList()) {
                el.add(FieldError.forbidden(p.child(extra).value(), "may not specify more than 1 volume type"));
            }
            String name = Trees.textOrEmpty(v, "name");
            if (name.isEmpty()) {
                el.add(FieldError.required(p.child("name").value(), ""));
            } else {
                el.addAll(Checks.dns1123Label(name, p.child("name")));
            }
            if (names.contains(name)) {
                el.add(FieldError.duplicate(p.child("name").value(), name));
            }
            if (el.isEmpty()) {
                names.add(name);
            }
            errs.addAll(el);
        }
        return errs;
    }

    private static List<FieldError> validateSchedulingGates(List<ObjectNode> gates, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < gates.size(); i++) {
            String name = Trees.textOrEmpty(gates.get(i), "name");
            errs.addAll(Checks.qualifiedName(name, path.index(i)));
            if (!seen.add(name)) {
                errs.add(FieldError.duplicate(path.index(i).value(), name));
            }
        }
        return errs;
    }

    private static GoRepr tolerationRepr(JsonNode t) {
        Long seconds = Trees.integer(t, "tolerationSeconds");
        return new GoRepr("core.Toleration{Key:" + GoRepr.quote(Trees.text(t, "key")) + ", Operator:"
                + GoRepr.quote(Trees.text(t, "operator")) + ", Value:" + GoRepr.quote(Trees.text(t, "value"))
                + ", Effect:" + GoRepr.quote(Trees.text(t, "effect")) + ", TolerationSeconds:"
                + (seconds == null ? "(*int64)(nil)" : "&" + seconds) + "}");
    }
}
