package io.kubesim.controllers.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;

/**
 * Taints against tolerations, with upstream's matching rules: an empty toleration effect matches
 * every effect, an empty key with {@code Exists} matches every key, an empty operator means
 * {@code Equal}. Stateless.
 */
public final class Taints {

    public static final String NO_SCHEDULE = "NoSchedule";
    public static final String PREFER_NO_SCHEDULE = "PreferNoSchedule";
    public static final String NO_EXECUTE = "NoExecute";

    public static final String NOT_READY = "node.kubernetes.io/not-ready";
    public static final String UNREACHABLE = "node.kubernetes.io/unreachable";
    public static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
    public static final String MEMORY_PRESSURE = "node.kubernetes.io/memory-pressure";
    public static final String DISK_PRESSURE = "node.kubernetes.io/disk-pressure";
    public static final String PID_PRESSURE = "node.kubernetes.io/pid-pressure";
    public static final String NETWORK_UNAVAILABLE = "node.kubernetes.io/network-unavailable";
    public static final String OUT_OF_SERVICE = "node.kubernetes.io/out-of-service";

    private Taints() {
    }

    public static boolean tolerates(Toleration toleration, Taint taint) {
        if (!isEmpty(toleration.getEffect()) && !toleration.getEffect().equals(taint.getEffect())) {
            return false;
        }
        if (!isEmpty(toleration.getKey()) && !toleration.getKey().equals(taint.getKey())) {
            return false;
        }
        String operator = toleration.getOperator();
        if (isEmpty(operator) || operator.equals("Equal")) {
            return Objects.equals(nullToEmpty(toleration.getValue()), nullToEmpty(taint.getValue()));
        }
        return operator.equals("Exists");
    }

    public static boolean toleratedBy(Taint taint, List<Toleration> tolerations) {
        return tolerations.stream().anyMatch(t -> tolerates(t, taint));
    }

    /** The first taint passing {@code filter} that no toleration tolerates. */
    public static Optional<Taint> firstUntolerated(List<Taint> taints, List<Toleration> tolerations,
                                                   Predicate<Taint> filter) {
        return taints.stream().filter(filter).filter(t -> !toleratedBy(t, tolerations)).findFirst();
    }

    /**
     * For each taint the first toleration that tolerates it, or empty when some taint is not
     * tolerated at all (upstream's GetMatchingTolerations).
     */
    public static Optional<List<Toleration>> matchingTolerations(List<Taint> taints, List<Toleration> tolerations) {
        List<Toleration> used = new ArrayList<>();
        for (Taint taint : taints) {
            Optional<Toleration> match = tolerations.stream().filter(t -> tolerates(t, taint)).findFirst();
            if (match.isEmpty()) {
                return Optional.empty();
            }
            used.add(match.get());
        }
        return Optional.of(used);
    }

    public static boolean hasEffect(Taint taint, String effect) {
        return effect.equals(taint.getEffect());
    }

    /** Whether {@code taints} holds a taint with this key and effect. */
    public static boolean contains(List<Taint> taints, String key, String effect) {
        return taints.stream().anyMatch(t -> key.equals(t.getKey()) && effect.equals(t.getEffect()));
    }

    public static List<Taint> of(List<Taint> taints) {
        return taints == null ? List.of() : taints;
    }

    public static List<Toleration> tolerations(List<Toleration> tolerations) {
        return tolerations == null ? List.of() : tolerations;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
