package io.kubesim.server.meta;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Syntax rules for label keys and values (also used for annotation keys and other "qualified
 * names"), returning kube-apiserver's 1.32 explanations, e.g. {@code name part must be no more
 * than 63 characters}. An empty list means valid. Stateless and thread-safe.
 */
public final class LabelSyntax {

    /** Longest label value and longest name part of a key, in bytes. */
    public static final int MAX_LENGTH = 63;
    /** Longest DNS subdomain, in bytes. */
    public static final int MAX_SUBDOMAIN_LENGTH = 253;

    private static final String NAME_FORMAT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String VALUE_FORMAT = "(" + NAME_FORMAT + ")?";
    private static final String LABEL_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SUBDOMAIN_FORMAT = LABEL_FORMAT + "(\\." + LABEL_FORMAT + ")*";

    private static final Pattern NAME = Pattern.compile(NAME_FORMAT);
    private static final Pattern VALUE = Pattern.compile(VALUE_FORMAT);
    private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FORMAT);

    private static final String NAME_RULE = "must consist of alphanumeric characters, '-', '_' or '.', and must "
            + "start and end with an alphanumeric character";
    private static final String VALUE_RULE = "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private static final String SUBDOMAIN_RULE = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

    private LabelSyntax() {
    }

    /** Problems with a label key: an optional DNS subdomain prefix and '/', then a name of at most 63 bytes. */
    public static List<String> keyErrors(String key) {
        List<String> errors = new ArrayList<>();
        String[] parts = key.split("/", -1);
        String name;
        switch (parts.length) {
            case 1 -> name = parts[0];
            case 2 -> {
                String prefix = parts[0];
                name = parts[1];
                if (prefix.isEmpty()) {
                    errors.add("prefix part must be non-empty");
                } else {
                    subdomainErrors(prefix).forEach(e -> errors.add("prefix part " + e));
                }
            }
            default -> {
                errors.add("a qualified name " + regexError(NAME_RULE, NAME_FORMAT, "MyName", "my.name", "123-abc")
                        + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errors;
            }
        }
        if (name.isEmpty()) {
            errors.add("name part must be non-empty");
        } else if (byteLength(name) > MAX_LENGTH) {
            errors.add("name part " + maxLengthError(MAX_LENGTH));
        }
        if (!NAME.matcher(name).matches()) {
            errors.add("name part " + regexError(NAME_RULE, NAME_FORMAT, "MyName", "my.name", "123-abc"));
        }
        return errors;
    }

    /** Problems with a label value: empty, or at most 63 bytes of alphanumerics, '-', '_', '.' inside. */
    public static List<String> valueErrors(String value) {
        List<String> errors = new ArrayList<>();
        if (byteLength(value) > MAX_LENGTH) {
            errors.add(maxLengthError(MAX_LENGTH));
        }
        if (!VALUE.matcher(value).matches()) {
            errors.add(regexError(VALUE_RULE, VALUE_FORMAT, "MyValue", "my_value", "12345"));
        }
        return errors;
    }

    /** Problems with a lowercase RFC 1123 subdomain such as {@code example.com}. */
    public static List<String> subdomainErrors(String value) {
        List<String> errors = new ArrayList<>();
        if (byteLength(value) > MAX_SUBDOMAIN_LENGTH) {
            errors.add(maxLengthError(MAX_SUBDOMAIN_LENGTH));
        }
        if (!SUBDOMAIN.matcher(value).matches()) {
            errors.add(regexError(SUBDOMAIN_RULE, SUBDOMAIN_FORMAT, "example.com"));
        }
        return errors;
    }

    private static String maxLengthError(int max) {
        return "must be no more than " + max + " characters";
    }

    /** The apiserver's wording: rule, examples (each followed by a comma), then the regex. */
    private static String regexError(String rule, String format, String... examples) {
        StringBuilder out = new StringBuilder(rule).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                out.append(" or ");
            }
            out.append('\'').append(examples[i]).append("', ");
        }
        return out.append("regex used for validation is '").append(format).append("')").toString();
    }

    private static int byteLength(String s) {
        // Lengths are limits on bytes; only non-ASCII text needs the encoding.
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return s.length();
    }
}
