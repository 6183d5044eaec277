package io.kubesim.server.schema;

import java.util.regex.Pattern;

/**
 * The syntax check kube-apiserver applies when it decodes a {@code resource.Quantity}, with its error texts.
 * Stateless and thread-safe.
 */
final class QuantityFormat {

    static final String FORMAT_WRONG =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    static final String BAD_SUFFIX = "unable to parse quantity's suffix";

    private static final Pattern SPLIT = Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]*(\\.[0-9]*)?");
    private static final Pattern SUFFIX = Pattern.compile("|[KMGTPE]i|[numkMGTPE]|[eE][-+]?[0-9]+");

    private QuantityFormat() {
    }

    /** Null when {@code text} is a valid quantity, else the decode error. */
    static String error(String text) {
        String s = text.strip();
        var m = SPLIT.matcher(s);
        if (s.isEmpty() || !m.matches() || !NUMBER.matcher(m.group(1)).matches()) {
            return FORMAT_WRONG;
        }
        return SUFFIX.matcher(m.group(2)).matches() ? null : BAD_SUFFIX;
    }
}
