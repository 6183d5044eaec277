package io.kubesim.server.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.kubesim.server.api.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validation of the container lists of a pod spec (regular and init containers): names, images,
 * ports, environment, volume mounts, pull and termination-message policies, resources and probes,
 * with upstream's field paths and messages. Expects defaulted input (as the strategies produce).
 *
 * <p>Stateless and thread-safe.
 */
public final class ContainerValidation {

    static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
    private static final List<String> TERMINATION_MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");
    private static final List<String> ENV_FIELD_PATHS = List.of("metadata.name", "metadata.namespace",
            "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs",
            "status.podIP", "status.podIPs");
    private static final String INIT_ONLY_ALWAYS = "may not be set for init containers without restartPolicy=Always";

    private ContainerValidation() {
    }

    /** {@code spec.containers}: at least one, unique names, plus everything per container. */
    public static List<FieldError> validateContainers(List<ObjectNode> containers, Set<String> volumes,
                                                      FieldPath path, boolean forPod) {
        List<FieldError> errs = new ArrayList<>();
        if (containers.isEmpty()) {
            errs.add(FieldError.required(path.value(), ""));
            return errs;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            ObjectNode c = containers.get(i);
            FieldPath p = path.index(i);
            errs.addAll(validateCommon(c, volumes, p, forPod));
            String name = Trees.textOrEmpty(c, "name");
            if (!names.add(name)) {
                errs.add(FieldError.duplicate(p.child("name").value(), name));
            }
            errs.addAll(ProbeValidation.validateProbes(c, p));
            if (Trees.isSet(c, "restartPolicy")) {
                errs.add(FieldError.forbidden(p.child("restartPolicy").value(), "may not be set for non-init containers"));
            }
        }
        errs.addAll(hostPortConflicts(containers, path));
        return errs;
    }

    /** {@code spec.initContainers}: names unique across init and regular containers. */
    public static List<FieldError> validateInitContainers(List<ObjectNode> containers, List<ObjectNode> regular,
                                                          Set<String> volumes, FieldPath path, boolean forPod) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        regular.forEach(c -> names.add(Trees.textOrEmpty(c, "name")));
        for (int i = 0; i < containers.size(); i++) {
            ObjectNode c = containers.get(i);
            FieldPath p = path.index(i);
            errs.addAll(validateCommon(c, volumes, p, forPod));
            boolean restartAlways = false;
            String restartPolicy = Trees.text(c, "restartPolicy");
            if (restartPolicy != null) {
                restartAlways = restartPolicy.equals("Always");
                if (!restartAlways) {
                    errs.add(FieldError.notSupported(p.child("restartPolicy").value(), restartPolicy, List.of("Always")));
                }
            }
            String name = Trees.textOrEmpty(c, "name");
            if (names.contains(name)) {
                errs.add(FieldError.duplicate(p.child("name").value(), name));
            } else if (!name.isEmpty()) {
                names.add(name);
            }
            errs.addAll(hostPortConflicts(List.of(c), path));
            if (restartAlways) {
                errs.addAll(ProbeValidation.validateProbes(c, p));
            } else {
                for (String f : List.of("lifecycle", "livenessProbe", "readinessProbe", "startupProbe")) {
                    if (Trees.isSet(c, f)) {
                        errs.add(FieldError.forbidden(p.child(f).value(), INIT_ONLY_ALWAYS));
                    }
                }
            }
        }
        return errs;
    }

    private static List<FieldError> validateCommon(ObjectNode c, Set<String> volumes, FieldPath p, boolean forPod) {
        List<FieldError> errs = new ArrayList<>();
        String name = Trees.textOrEmpty(c, "name");
        if (name.isEmpty()) {
            errs.add(FieldError.required(p.child("name").value(), ""));
        } else {
            errs.addAll(Checks.dns1123Label(name, p.child("name")));
        }
        String image = Trees.textOrEmpty(c, "image");
        if (image.isEmpty()) {
            errs.add(FieldError.required(p.child("image").value(), ""));
        }
        errs.addAll(Checks.oneOf(Trees.text(c, "terminationMessagePolicy"), p.child("terminationMessagePolicy"),
                TERMINATION_MESSAGE_POLICIES));
        errs.addAll(validatePorts(Trees.objects(c, "ports"), p.child("ports")));
        errs.addAll(validateEnv(Trees.objects(c, "env"), p.child("env")));
        errs.addAll(validateVolumeMounts(Trees.objects(c, "volumeMounts"), volumes, p.child("volumeMounts")));
        errs.addAll(Checks.oneOf(Trees.text(c, "imagePullPolicy"), p.child("imagePullPolicy"), PULL_POLICIES));
        errs.addAll(ResourceValidation.validateRequirements(Trees.object(c, "resources"), p.child("resources")));
        if (forPod && !image.equals(image.strip())) {
            errs.add(FieldError.invalid(p.child("image").value(), image, "must not have leading or trailing whitespace"));
        }
        return errs;
    }

    static List<FieldError> validatePorts(List<ObjectNode> ports, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            ObjectNode port = ports.get(i);
            FieldPath p = path.index(i);
            String name = Trees.textOrEmpty(port, "name");
            if (!name.isEmpty()) {
                List<String> msgs = NameValidation.portName(name);
                if (!msgs.isEmpty()) {
                    msgs.forEach(m -> errs.add(FieldError.invalid(p.child("name").value(), name, m)));
                } else if (!names.add(name)) {
                    errs.add(FieldError.duplicate(p.child("name").value(), name));
                }
            }
            long containerPort = Trees.integer(port, "containerPort", 0);
            if (containerPort == 0) {
                errs.add(FieldError.required(p.child("containerPort").value(), ""));
            } else {
                NameValidation.portNumber(containerPort)
                        .forEach(m -> errs.add(FieldError.invalid(p.child("containerPort").value(), containerPort, m)));
            }
            long hostPort = Trees.integer(port, "hostPort", 0);
            if (hostPort != 0) {
                NameValidation.portNumber(hostPort)
                        .forEach(m -> errs.add(FieldError.invalid(p.child("hostPort").value(), hostPort, m)));
            }
            errs.addAll(Checks.oneOf(Trees.text(port, "protocol"), p.child("protocol"), PROTOCOLS));
        }
        return errs;
    }

    static List<FieldError> validateEnv(List<ObjectNode> env, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; i < env.size(); i++) {
            ObjectNode var = env.get(i);
            FieldPath p = path.index(i);
            String name = Trees.textOrEmpty(var, "name");
            if (name.isEmpty()) {
                errs.add(FieldError.required(p.child("name").value(), ""));
            } else {
                NameValidation.envVarName(name).forEach(m -> errs.add(FieldError.invalid(p.child("name").value(), name, m)));
            }
            ObjectNode from = Trees.object(var, "valueFrom");
            if (from != null) {
                errs.addAll(validateValueFrom(from, !Trees.textOrEmpty(var, "value").isEmpty(), p.child("valueFrom")));
            }
        }
        return errs;
    }

    private static List<FieldError> validateValueFrom(ObjectNode from, boolean hasValue, FieldPath p) {
        List<FieldError> errs = new ArrayList<>();
        int sources = 0;
        ObjectNode fieldRef = Trees.object(from, "fieldRef");
        if (fieldRef != null) {
            sources++;
            errs.addAll(validateFieldRef(fieldRef, p.child("fieldRef")));
        }
        if (Trees.object(from, "resourceFieldRef") != null) {
            sources++;
        }
        for (String ref : List.of("configMapKeyRef", "secretKeyRef")) {
            ObjectNode sel = Trees.object(from, ref);
            if (sel != null) {
                sources++;
                errs.addAll(validateKeySelector(sel, p.child(ref)));
            }
        }
        if (sources == 0) {
            errs.add(FieldError.invalid(p.value(), "",
                    "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
        } else if (hasValue) {
            errs.add(FieldError.invalid(p.value(), "", "may not be specified when `value` is not empty"));
        } else if (sources > 1) {
            errs.add(FieldError.invalid(p.value(), "", "may not have more than one field specified at a time"));
        }
        return errs;
    }

    private static List<FieldError> validateFieldRef(ObjectNode ref, FieldPath p) {
        String apiVersion = Trees.textOrEmpty(ref, "apiVersion");
        String fieldPath = Trees.textOrEmpty(ref, "fieldPath");
        if (fieldPath.isEmpty()) {
            return List.of(FieldError.required(p.child("fieldPath").value(), ""));
        }
        if (apiVersion.isEmpty()) {
            return List.of(FieldError.required(p.child("apiVersion").value(), ""));
        }
        int bracket = fieldPath.indexOf("['");
        if (bracket > 0 && fieldPath.endsWith("']")) {
            String base = fieldPath.substring(0, bracket);
            String key = fieldPath.substring(bracket + 2, fieldPath.length() - 2);
            return switch (base) {
                case "metadata.annotations" -> Checks.qualifiedName(key.toLowerCase(java.util.Locale.ROOT), p);
                case "metadata.labels" -> Checks.qualifiedName(key, p);
                default -> List.of(FieldError.invalid(p.value(), base, "does not support subscript"));
            };
        }
        return ENV_FIELD_PATHS.contains(fieldPath) ? List.of()
                : List.of(FieldError.notSupported(p.child("fieldPath").value(), fieldPath, ENV_FIELD_PATHS));
    }

    private static List<FieldError> validateKeySelector(ObjectNode sel, FieldPath p) {
        List<FieldError> errs = new ArrayList<>();
        String name = Trees.textOrEmpty(sel, "name");
        if (name.isEmpty()) {
            errs.add(FieldError.required(p.child("name").value(), ""));
        } else {
            errs.addAll(Checks.dns1123Subdomain(name, p.child("name")));
        }
        String key = Trees.textOrEmpty(sel, "key");
        if (key.isEmpty()) {
            errs.add(FieldError.required(p.child("key").value(), ""));
        } else {
            NameValidation.configMapKey(key).forEach(m -> errs.add(FieldError.invalid(p.child("key").value(), key, m)));
        }
        return errs;
    }

    private static List<FieldError> validateVolumeMounts(List<ObjectNode> mounts, Set<String> volumes, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> mountPoints = new HashSet<>();
        for (int i = 0; i < mounts.size(); i++) {
            ObjectNode m = mounts.get(i);
            FieldPath p = path.index(i);
            String name = Trees.textOrEmpty(m, "name");
            if (name.isEmpty()) {
                errs.add(FieldError.required(p.child("name").value(), ""));
            }
            if (!volumes.contains(name)) {
                errs.add(new FieldError(FieldError.Type.NOT_FOUND, p.child("name").value(), name, null));
            }
            String mountPath = Trees.textOrEmpty(m, "mountPath");
            if (mountPath.isEmpty()) {
                errs.add(FieldError.required(p.child("mountPath").value(), ""));
            }
            if (!mountPoints.add(mountPath)) {
                errs.add(FieldError.invalid(p.child("mountPath").value(), mountPath, "must be unique"));
            }
        }
        return errs;
    }

    /** Two containers may not claim the same protocol/hostIP/hostPort. */
    private static List<FieldError> hostPortConflicts(List<ObjectNode> containers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int ci = 0; ci < containers.size(); ci++) {
            List<ObjectNode> ports = Trees.objects(containers.get(ci), "ports");
            for (int pi = 0; pi < ports.size(); pi++) {
                long hostPort = Trees.integer(ports.get(pi), "hostPort", 0);
                if (hostPort == 0) {
                    continue;
                }
                String key = Trees.textOrEmpty(ports.get(pi), "protocol") + "/" + Trees.textOrEmpty(ports.get(pi), "hostIP")
                        + "/" + hostPort;
                if (!seen.add(key)) {
                    errs.add(FieldError.duplicate(path.index(ci).child("ports").index(pi).child("hostPort").value(), key));
                }
            }
        }
        return errs;
    }

    /** Names of a pod spec's volumes that are valid enough to be mounted. */
    public static Set<String> volumeNames(JsonNode spec) {
        Set<String> names = new HashSet<>();
        Trees.objects(spec, "volumes").forEach(v -> names.add(Trees.textOrEmpty(v, "name")));
        return names;
    }
}
