package io.kubesim.server.registry.kinds;

import java.util.List;
import java.util.Map;

import io.kubesim.server.validation.Trees;
import tools.jackson.databind.node.ObjectNode;

/**
 * The defaults kube-apiserver 1.32 applies to a {@code PodSpec} wherever it appears (pods and the
 * pod templates of workloads): pod-level policies, container pull and termination-message
 * policies, port protocols, probe timings, volume modes and field-ref API versions. It also
 * reproduces two effects of the v1 wire format: the deprecated {@code serviceAccount} mirrors
 * {@code serviceAccountName}, and every container carries {@code resources: {}}.
 *
 * <p>Stateless and thread-safe.
 */
public final class PodSpecDefaults {

    private static final int DEFAULT_MODE = 420;
    private static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

    private PodSpecDefaults() {
    }

    /** Defaults for any pod spec (pod or template). */
    public static void applySpec(ObjectNode spec) {
        Trees.defaultText(spec, "dnsPolicy", "ClusterFirst");
        Trees.defaultText(spec, "restartPolicy", "Always");
        if (!Trees.isSet(spec, "securityContext")) {
            spec.putObject("securityContext");
        }
        Trees.defaultNumber(spec, "terminationGracePeriodSeconds", 30);
        Trees.defaultText(spec, "schedulerName", "default-scheduler");
        syncServiceAccount(spec);
        for (String list : CONTAINER_LISTS) {
            Trees.objects(spec, list).forEach(PodSpecDefaults::applyContainer);
        }
        Trees.objects(spec, "volumes").forEach(PodSpecDefaults::applyVolume);
    }

    /** Defaults of a workload's pod template: its metadata prints {@code creationTimestamp: null} as upstream's. */
    public static void applyTemplate(ObjectNode template) {
        ObjectNode meta = Trees.child(template, "metadata");
        if (!meta.has("creationTimestamp")) {
            meta.putNull("creationTimestamp");
        }
        applySpec(Trees.child(template, "spec"));
    }

    /**
     * Defaults only real pods get: requests default to limits, service links are enabled, and
     * host-network pods expose container ports on the host.
     */
    public static void applyPodOnly(ObjectNode spec) {
        for (String list : List.of("containers", "initContainers")) {
            for (ObjectNode c : Trees.objects(spec, list)) {
                ObjectNode resources = Trees.child(c, "resources");
                ObjectNode limits = Trees.object(resources, "limits");
                if (limits != null) {
                    ObjectNode requests = Trees.child(resources, "requests");
                    for (Map.Entry<String, tools.jackson.databind.JsonNode> e : limits.properties()) {
                        if (!requests.has(e.getKey())) {
                            requests.set(e.getKey(), e.getValue().deepCopy());
                        }
                    }
                }
            }
        }
        if (!Trees.isSet(spec, "enableServiceLinks")) {
            spec.put("enableServiceLinks", true);
        }
        if (Trees.isTrue(spec, "hostNetwork")) {
            for (String list : List.of("containers", "initContainers")) {
                for (ObjectNode c : Trees.objects(spec, list)) {
                    for (ObjectNode port : Trees.objects(c, "ports")) {
                        if (Trees.integer(port, "hostPort", 0) == 0 && Trees.integer(port, "containerPort") != null) {
                            port.set("hostPort", port.get("containerPort"));
                        }
                    }
                }
            }
        }
    }

    /** The pull policy upstream picks for an image: Always for {@code :latest} or no tag, else IfNotPresent. */
    public static String pullPolicy(String image) {
        if (image == null || image.isEmpty() || !isNormalizable(image)) {
            return "IfNotPresent";
        }
        int at = image.indexOf('@');
        String name = at >= 0 ? image.substring(0, at) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        String tag = colon > slash ? name.substring(colon + 1) : "";
        if (tag.isEmpty() && at < 0) {
            tag = "latest";
        }
        return tag.equals("latest") ? "Always" : "IfNotPresent";
    }

    /** Upstream cannot parse references with upper-case repository paths or blanks; it then falls back to IfNotPresent. */
    private static boolean isNormalizable(String image) {
        if (image.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        String name = image.split("@", 2)[0];
        int firstSlash = name.indexOf('/');
        String first = firstSlash < 0 ? "" : name.substring(0, firstSlash);
        boolean hasDomain = firstSlash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost")
                || !first.equals(first.toLowerCase(java.util.Locale.ROOT)));
        String path = hasDomain ? name.substring(firstSlash + 1) : name;
        int colon = path.lastIndexOf(':');
        if (colon > path.lastIndexOf('/')) {
            path = path.substring(0, colon);
        }
        return path.equals(path.toLowerCase(java.util.Locale.ROOT));
    }

    private static void syncServiceAccount(ObjectNode spec) {
        String name = Trees.textOrEmpty(spec, "serviceAccountName");
        String legacy = Trees.textOrEmpty(spec, "serviceAccount");
        if (name.isEmpty() && !legacy.isEmpty()) {
            spec.put("serviceAccountName", legacy);
        } else if (!name.isEmpty()) {
            spec.put("serviceAccount", name);
        }
    }

    private static void applyContainer(ObjectNode c) {
        Trees.defaultText(c, "imagePullPolicy", pullPolicy(Trees.text(c, "image")));
        Trees.defaultText(c, "terminationMessagePath", "/dev/termination-log");
        Trees.defaultText(c, "terminationMessagePolicy", "File");
        if (!Trees.isSet(c, "resources")) {
            c.putObject("resources");
        }
        for (ObjectNode port : Trees.objects(c, "ports")) {
            Trees.defaultText(port, "protocol", "TCP");
        }
        for (ObjectNode env : Trees.objects(c, "env")) {
            defaultFieldRef(Trees.objectAt(env, "valueFrom", "fieldRef"));
        }
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            ObjectNode p = Trees.object(c, probe);
            if (p != null) {
                Trees.defaultNumber(p, "timeoutSeconds", 1);
                Trees.defaultNumber(p, "periodSeconds", 10);
                Trees.defaultNumber(p, "successThreshold", 1);
                Trees.defaultNumber(p, "failureThreshold", 3);
                defaultHttpGet(Trees.object(p, "httpGet"));
            }
        }
        ObjectNode lifecycle = Trees.object(c, "lifecycle");
        for (String hook : List.of("postStart", "preStop")) {
            defaultHttpGet(Trees.objectAt(lifecycle, hook, "httpGet"));
        }
    }

    private static void applyVolume(ObjectNode v) {
        if (v.size() == 1 && v.has("name") || v.isEmpty()) {
            v.putObject("emptyDir");
        }
        for (String source : List.of("secret", "configMap", "downwardAPI", "projected")) {
            ObjectNode s = Trees.object(v, source);
            if (s != null) {
                Trees.defaultNumber(s, "defaultMode", DEFAULT_MODE);
            }
        }
        Trees.objects(Trees.object(v, "downwardAPI"), "items").forEach(i -> defaultFieldRef(Trees.object(i, "fieldRef")));
        for (ObjectNode source : Trees.objects(Trees.object(v, "projected"), "sources")) {
            ObjectNode token = Trees.object(source, "serviceAccountToken");
            if (token != null) {
                Trees.defaultNumber(token, "expirationSeconds", 3600);
            }
            Trees.objects(Trees.object(source, "downwardAPI"), "items").forEach(i -> defaultFieldRef(Trees.object(i, "fieldRef")));
        }
        ObjectNode hostPath = Trees.object(v, "hostPath");
        if (hostPath != null && !hostPath.has("type")) {
            hostPath.put("type", "");
        }
    }

    private static void defaultFieldRef(ObjectNode fieldRef) {
        if (fieldRef != null) {
            Trees.defaultText(fieldRef, "apiVersion", "v1");
        }
    }

    private static void defaultHttpGet(ObjectNode httpGet) {
        if (httpGet != null) {
            Trees.defaultText(httpGet, "path", "/");
            Trees.defaultText(httpGet, "scheme", "HTTP");
        }
    }
}
