package io.kubesim.scheduler.plugins;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;

/** Taint/toleration matching with the rules of the core/v1 API helpers. Stateless. */
final class Tolerations {

    static final String NO_SCHEDULE = "NoSchedule";
    static final String NO_EXECUTE = "NoExecute";
    static final String PREFER_NO_SCHEDULE = "PreferNoSchedule";

    private Tolerations() {
    }

    /**
     * Whether {@code t} tolerates {@code taint}: an empty effect matches every effect, an empty key with
     * {@code Exists} matches every key, {@code Equal} (or no operator) compares values.
     */
    static boolean tolerates(Toleration t, Taint taint) {
        if (!empty(t.getEffect()) && !t.getEffect().equals(taint.getEffect())) {
            return false;
        }
        if (!empty(t.getKey()) && !t.getKey().equals(taint.getKey())) {
            return false;
        }
        String op = t.getOperator();
        if (empty(op) || "Equal".equals(op)) {
            return Objects.equals(nullToEmpty(t.getValue()), nullToEmpty(taint.getValue()));
        }
        return "Exists".equals(op);
    }

    static boolean toleratedBy(List<Toleration> tolerations, Taint taint) {
        if (tolerations != null) {
            for (Toleration t : tolerations) {
                if (tolerates(t, taint)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first of {@code taints} that {@code applies} selects and no toleration tolerates, or null. */
    static Taint firstUntolerated(List<Taint> taints, List<Toleration> tolerations, Predicate<Taint> applies) {
        for (Taint taint : taints) {
            if (applies.test(taint) && !toleratedBy(tolerations, taint)) {
                return taint;
            }
        }
        return null;
    }

    /** Taints that keep new pods off a node. */
    static boolean blocksScheduling(Taint t) {
        return NO_SCHEDULE.equals(t.getEffect()) || NO_EXECUTE.equals(t.getEffect());
    }

    /** The filter reason kube-scheduler gives for an untolerated taint. */
    static String untoleratedReason(Taint t) {
        return "node(s) had untolerated taint {" + t.getKey() + ": " + nullToEmpty(t.getValue()) + "}";
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
