package io.kubesim.controllers.daemonset;

import io.fabric8.kubernetes.api.model.IntOrString;

/** Upstream's GetScaledValueFromIntOrPercent for maxUnavailable and maxSurge. Stateless. */
final class IntOrPercent {

    private IntOrPercent() {
    }

    /** The absolute value of {@code value} out of {@code total}; null is 0; a malformed percentage is 0. */
    static int scaled(IntOrString value, int total, boolean roundUp) {
        if (value == null) {
            return 0;
        }
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        String s = value.getStrVal();
        if (s == null || !s.endsWith("%")) {
            return 0;
        }
        try {
            int percent = Integer.parseInt(s.substring(0, s.length() - 1));
            long scaled = (long) percent * total;
            return (int) (roundUp ? (scaled + 99) / 100 : scaled / 100);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
