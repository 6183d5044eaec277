package io.kubesim.nodeagent.lifecycle;

import tools.jackson.databind.JsonNode;

/** How selectors and templates compare JSON scalars: by their text, so {@code 0} equals {@code "0"}. */
final class Values {

    private Values() {
    }

    /** The text of a scalar ({@code "Running"}, {@code 0}, {@code true}); containers render as JSON. */
    static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isString()) {
            return v.asString();
        }
        return v.isValueNode() ? v.asString() : v.toString();
    }
}
