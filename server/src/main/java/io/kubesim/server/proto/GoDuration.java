package io.kubesim.server.proto;

/**
 * Renders nanoseconds the way Go's {@code time.Duration.String()} does ({@code 1h2m3.5s},
 * {@code 1.5ms}, {@code 0s}), which is the JSON form of {@code metav1.Duration}. Stateless.
 */
final class GoDuration {

    private static final long MICRO = 1_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private GoDuration() {
    }

    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        boolean negative = nanos < 0;
        // Long.MIN_VALUE has no positive counterpart; unsigned arithmetic below handles it.
        long magnitude = negative ? -nanos : nanos;
        StringBuilder out = new StringBuilder();
        if (Long.compareUnsigned(magnitude, SECOND) < 0) {
            if (magnitude < MICRO) {
                out.append(magnitude).append("ns");
            } else if (magnitude < MILLI) {
                out.append(fraction(magnitude, MICRO)).append("µs");
            } else {
                out.append(fraction(magnitude, MILLI)).append("ms");
            }
        } else {
            long seconds = Long.divideUnsigned(magnitude, SECOND);
            long subSecond = Long.remainderUnsigned(magnitude, SECOND);
            long hours = seconds / 3600;
            long minutes = (seconds / 60) % 60;
            if (hours > 0) {
                out.append(hours).append('h');
            }
            if (hours > 0 || minutes > 0) {
                out.append(minutes).append('m');
            }
            out.append(seconds % 60);
            appendFraction(out, subSecond, 9);
            out.append('s');
        }
        return negative ? "-" + out : out.toString();
    }

    /** {@code value / unit} with the remainder as trimmed decimal digits. */
    private static String fraction(long value, long unit) {
        StringBuilder out = new StringBuilder().append(value / unit);
        appendFraction(out, value % unit, Long.toString(unit).length() - 1);
        return out.toString();
    }

    private static void appendFraction(StringBuilder out, long remainder, int digits) {
        if (remainder == 0) {
            return;
        }
        String padded = String.format("%0" + digits + "d", remainder);
        int end = padded.length();
        while (end > 0 && padded.charAt(end - 1) == '0') {
            end--;
        }
        out.append('.').append(padded, 0, end);
    }
}
