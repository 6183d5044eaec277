package io.kubesim.server.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Prints label maps and {@code metav1.LabelSelector}s the way the printers do
 * ({@code labels.FormatLabels}, {@code metav1.FormatLabelSelector} and the selector's
 * {@code String()}): {@code app=nginx,tier in (a,b),!legacy}. Only for display; selector matching
 * lives elsewhere. Stateless.
 */
final class LabelFormat {

    static final String NONE = "<none>";

    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int MAX_NAME = 63;
    private static final int MAX_PREFIX = 253;

    private LabelFormat() {
    }

    /** {@code labels.FormatLabels}: sorted {@code k=v} pairs joined by {@code ,}, or {@code <none>}. */
    static String formatLabels(JsonNode labels) {
        TreeSet<String> pairs = new TreeSet<>();
        if (labels != null && labels.isObject()) {
            for (Map.Entry<String, JsonNode> e : labels.properties()) {
                pairs.add(e.getKey() + "=" + (e.getValue().isString() ? e.getValue().asString() : ""));
            }
        }
        return pairs.isEmpty() ? NONE : String.join(",", pairs);
    }

    /** {@code metav1.FormatLabelSelector}: {@code <none>} when it selects by nothing, {@code <error>} when invalid. */
    static String formatLabelSelector(JsonNode selector) {
        return selectorString(selector).map(s -> s.isEmpty() ? NONE : s).orElse("<error>");
    }

    /**
     * The {@code String()} of the selector {@code LabelSelectorAsSelector} builds: requirements
     * sorted by key, values of set operators sorted; {@code ""} for an absent or empty selector;
     * empty when the selector is invalid.
     */
    static Optional<String> selectorString(JsonNode selector) {
        if (selector == null || !selector.isObject()) {
            return Optional.of("");
        }
        List<Requirement> requirements = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : Fields.at(selector, "matchLabels").properties()) {
            String value = e.getValue().isString() ? e.getValue().asString() : "";
            if (!validKey(e.getKey()) || !validValue(value)) {
                return Optional.empty();
            }
            requirements.add(new Requirement(e.getKey(), e.getKey() + "=" + value));
        }
        for (JsonNode expr : Fields.items(selector, "matchExpressions")) {
            Optional<Requirement> r = requirement(expr);
            if (r.isEmpty()) {
                return Optional.empty();
            }
            requirements.add(r.get());
        }
        requirements.sort(Comparator.comparing(Requirement::key));
        return Optional.of(String.join(",", requirements.stream().map(Requirement::text).toList()));
    }

    private static Optional<Requirement> requirement(JsonNode expr) {
        String key = Fields.text(expr, "key");
        List<String> values = new ArrayList<>();
        for (JsonNode v : Fields.items(expr, "values")) {
            values.add(v.isString() ? v.asString() : "");
        }
        if (!validKey(key)) {
            return Optional.empty();
        }
        String op = Fields.text(expr, "operator");
        switch (op) {
            case "In", "NotIn" -> {
                if (values.isEmpty() || !values.stream().allMatch(LabelFormat::validValue)) {
                    return Optional.empty();
                }
                String word = op.equals("In") ? " in (" : " notin (";
                values.sort(Comparator.naturalOrder());
                return Optional.of(new Requirement(key, key + word + String.join(",", values) + ")"));
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Requirement(key, op.equals("Exists") ? key : "!" + key));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** A qualified name: optional DNS-subdomain prefix and {@code /}, then a name of at most 63 characters. */
    private static boolean validKey(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || prefix.length() > MAX_PREFIX || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return false;
            }
        }
        return !name.isEmpty() && name.length() <= MAX_NAME && NAME.matcher(name).matches();
    }

    private static boolean validValue(String value) {
        return value.isEmpty() || value.length() <= MAX_NAME && NAME.matcher(value).matches();
    }

    private record Requirement(String key, String text) {
    }
}
