package io.kubesim.server.registry.kinds;

import java.util.List;

import io.kubesim.server.validation.Trees;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mutations a real cluster's default admission plugins make to every new pod, so that created
 * pods look the same as there: ServiceAccount (the {@code default} account), DefaultTolerationSeconds
 * (tolerate not-ready and unreachable nodes for 300s) and Priority ({@code priority} and
 * {@code preemptionPolicy}). Token volume projection is not reproduced. Stateless and thread-safe.
 */
final class PodAdmission {

    static final String NOT_READY = "node.kubernetes.io/not-ready";
    static final String UNREACHABLE = "node.kubernetes.io/unreachable";
    private static final int DEFAULT_TOLERATION_SECONDS = 300;

    private PodAdmission() {
    }

    static void admit(ObjectNode spec) {
        if (Trees.textOrEmpty(spec, "serviceAccountName").isEmpty()) {
            spec.put("serviceAccountName", "default");
            spec.put("serviceAccount", "default");
        }
        addDefaultTolerations(spec);
        if (!Trees.isSet(spec, "priority")) {
            spec.put("priority", priorityOf(Trees.textOrEmpty(spec, "priorityClassName")));
        }
        if (!Trees.isSet(spec, "preemptionPolicy")) {
            spec.put("preemptionPolicy", "PreemptLowerPriority");
        }
    }

    /** The built-in priority classes; any other class name resolves to the global default, 0. */
    private static int priorityOf(String className) {
        return switch (className) {
            case "system-node-critical" -> 2000001000;
            case "system-cluster-critical" -> 2000000000;
            default -> 0;
        };
    }

    private static void addDefaultTolerations(ObjectNode spec) {
        boolean notReady = false;
        boolean unreachable = false;
        for (ObjectNode t : Trees.objects(spec, "tolerations")) {
            String key = Trees.textOrEmpty(t, "key");
            String effect = Trees.textOrEmpty(t, "effect");
            boolean matchesAllKeys = key.isEmpty() && "Exists".equals(Trees.text(t, "operator"));
            boolean noExecute = effect.isEmpty() || effect.equals("NoExecute");
            notReady |= noExecute && (matchesAllKeys || key.equals(NOT_READY));
            unreachable |= noExecute && (matchesAllKeys || key.equals(UNREACHABLE));
        }
        if (notReady && unreachable) {
            return;
        }
        ArrayNode tolerations = Trees.array(spec, "tolerations");
        if (tolerations == null) {
            tolerations = spec.putArray("tolerations");
        }
        for (String key : List.of(NOT_READY, UNREACHABLE)) {
            if (key.equals(NOT_READY) ? !notReady : !unreachable) {
                tolerations.addObject().put("key", key).put("operator", "Exists").put("effect", "NoExecute")
                        .put("tolerationSeconds", DEFAULT_TOLERATION_SECONDS);
            }
        }
    }
}
