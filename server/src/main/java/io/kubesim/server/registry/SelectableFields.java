package io.kubesim.server.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * The field-selector labels a kind supports (beyond {@code metadata.name} and
 * {@code metadata.namespace}, which every kind has) and how each is read from an object. A selector
 * naming any other field is rejected with 400, as on a real server. Immutable and thread-safe.
 */
public final class SelectableFields {

    public static final SelectableFields NONE = new SelectableFields(Map.of());

    private final Map<String, Function<JsonNode, String>> extractors;

    private SelectableFields(Map<String, Function<JsonNode, String>> extractors) {
        this.extractors = Collections.unmodifiableMap(extractors);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True for {@code metadata.name}, {@code metadata.namespace} and every declared field. */
    public boolean supports(String field) {
        return "metadata.name".equals(field) || "metadata.namespace".equals(field) || extractors.containsKey(field);
    }

    public Set<String> declared() {
        return extractors.keySet();
    }

    /**
     * The values of every declared field of {@code object}; a missing field reads as the empty
     * string, as the real server's field sets do.
     */
    public Map<String, String> extract(JsonNode object) {
        if (extractors.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        extractors.forEach((k, f) -> {
            String v = f.apply(object);
            out.put(k, v == null ? "" : v);
        });
        return out;
    }

    /** Builds a field set from JSON pointers or custom extractors. */
    public static final class Builder {
        private final Map<String, Function<JsonNode, String>> extractors = new LinkedHashMap<>();

        /** A field read from the JSON pointer made of the label's dots, e.g. {@code spec.nodeName}. */
        public Builder path(String label) {
            String pointer = "/" + label.replace('.', '/');
            return custom(label, o -> {
                JsonNode v = o.at(pointer);
                return v.isMissingNode() || v.isNull() ? "" : v.asString();
            });
        }

        public Builder custom(String label, Function<JsonNode, String> extractor) {
            extractors.put(label, extractor);
            return this;
        }

        public SelectableFields build() {
            return new SelectableFields(new LinkedHashMap<>(extractors));
        }
    }
}
