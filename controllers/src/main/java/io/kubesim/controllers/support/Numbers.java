package io.kubesim.controllers.support;

/**
 * Optional numeric API fields as controllers treat them: unset reads as 0, and a zero counter is
 * left out of a written status (the Go types mark them {@code omitempty}). Stateless.
 */
public final class Numbers {

    private Numbers() {
    }

    /** {@code value}, or 0 when unset. */
    public static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** {@code value}, or 0 when unset. */
    public static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /** null for 0 (or null), so the field is omitted when written. */
    public static Integer zeroToNull(Integer value) {
        return value == null || value == 0 ? null : value;
    }
}
