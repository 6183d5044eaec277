package io.kubesim.server.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * A bad value rendered the way Go's {@code %#v} prints it in kube-apiserver messages, e.g.
 * {@code map[string]string{"app":"web"}} or {@code []string{"10.96.0.1"}}. Used as a
 * {@link io.kubesim.server.api.FieldError} bad value so it is printed without quotes.
 * Immutable value.
 */
public record GoRepr(String text) {

    @Override
    public String toString() {
        return text;
    }

    public static GoRepr stringMap(Map<String, String> map) {
        if (map == null) {
            return new GoRepr("map[string]string(nil)");
        }
        List<String> entries = new ArrayList<>();
        new TreeMap<>(map).forEach((k, v) -> entries.add(quote(k) + ":" + quote(v)));
        return new GoRepr("map[string]string{" + String.join(", ", entries) + "}");
    }

    public static GoRepr stringSlice(List<String> list) {
        if (list == null) {
            return new GoRepr("[]string(nil)");
        }
        return new GoRepr("[]string{" + String.join(", ", list.stream().map(GoRepr::quote).toList()) + "}");
    }

    /** A {@code metav1.LabelSelector} given as JSON (null or missing prints as the zero selector). */
    public static GoRepr labelSelector(JsonNode selector) {
        Map<String, String> matchLabels = Trees.stringMap(selector, "matchLabels");
        List<JsonNode> expressions = Trees.elements(selector, "matchExpressions");
        String exprs;
        if (selector == null || selector.get("matchExpressions") == null || !selector.get("matchExpressions").isArray()) {
            exprs = "[]v1.LabelSelectorRequirement(nil)";
        } else {
            List<String> items = new ArrayList<>();
            for (JsonNode e : expressions) {
                List<String> values = Trees.strings(e, "values");
                items.add("v1.LabelSelectorRequirement{Key:" + quote(Trees.text(e, "key"))
                        + ", Operator:" + quote(Trees.text(e, "operator"))
                        + ", Values:" + (e.get("values") == null ? "[]string(nil)" : stringSlice(values)) + "}");
            }
            exprs = "[]v1.LabelSelectorRequirement{" + String.join(", ", items) + "}";
        }
        String labels = selector == null || !(selector.get("matchLabels") instanceof tools.jackson.databind.node.ObjectNode)
                ? "map[string]string(nil)" : stringMap(matchLabels).text();
        return new GoRepr("v1.LabelSelector{MatchLabels:" + labels + ", MatchExpressions:" + exprs + "}");
    }

    /** An {@code intstr.IntOrString} value (type 0 for integers, 1 for strings). */
    public static GoRepr intOrString(JsonNode value) {
        if (value != null && value.isString()) {
            return new GoRepr("intstr.IntOrString{Type:1, IntVal:0, StrVal:" + quote(value.asString()) + "}");
        }
        long v = value != null && value.isIntegralNumber() ? value.asLong() : 0;
        return new GoRepr("intstr.IntOrString{Type:0, IntVal:" + v + ", StrVal:\"\"}");
    }

    /** Go's {@code %q} for the strings that appear in API objects. */
    public static String quote(String s) {
        if (s == null) {
            s = "";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
