package io.kubesim.controllers.support;

import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * Absolute values of int-or-percent fields ({@code maxSurge}, {@code maxUnavailable}) as
 * upstream's {@code GetScaledValueFromIntOrPercent} computes them. Stateless.
 */
public final class IntOrPercent {

    private IntOrPercent() {
    }

    /**
     * {@code value} of {@code total}: an int as is, a percentage scaled and rounded up or down;
     * null is 0.
     *
     * @throws IllegalArgumentException if {@code value} is neither an int nor a percentage (the API
     *                                  server rejects such objects, so a controller never sees one)
     */
    public static int scaled(IntOrString value, int total, boolean roundUp) {
        if (value == null) {
            return 0;
        }
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        String s = value.getStrVal();
        if (s == null || !s.endsWith("%")) {
            throw new IllegalArgumentException("invalid value for IntOrString: invalid value \"" + s + "\"");
        }
        long scaled;
        try {
            scaled = Long.parseLong(s.substring(0, s.length() - 1)) * total;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value for IntOrString: invalid value \"" + s + "\"", e);
        }
        return (int) (roundUp ? -Math.floorDiv(-scaled, 100) : Math.floorDiv(scaled, 100));
    }
}
