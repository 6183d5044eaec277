package io.kubesim.server.patch;

import tools.jackson.databind.JsonNode;

/**
 * The strategic-merge-patch directive keys and values. Directives steer a merge and are never stored.
 */
final class Directives {

    /** {@code "$patch": "replace" | "delete" | "merge"} inside a map or list element. */
    static final String PATCH = "$patch";
    static final String REPLACE = "replace";
    static final String DELETE = "delete";
    static final String MERGE = "merge";
    /** {@code "$retainKeys": [...]}: the only fields the merged map may keep. */
    static final String RETAIN_KEYS = "$retainKeys";
    /** {@code "$setElementOrder/<list>": [...]}: the final order of a merged list. */
    static final String SET_ELEMENT_ORDER = "$setElementOrder";
    /** {@code "$deleteFromPrimitiveList/<list>": [...]}: scalars to remove from a merged list. */
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";

    private Directives() {
    }

    /** Whether {@code key} is a directive handled before or besides the plain field merge. */
    static boolean isDirective(String key) {
        return key.equals(PATCH) || key.equals(RETAIN_KEYS) || key.startsWith(SET_ELEMENT_ORDER)
                || key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
    }

    /** Whether {@code directive} (a {@code $patch} value, possibly null) is the string {@code value}. */
    static boolean is(JsonNode directive, String value) {
        return directive != null && directive.isString() && value.equals(directive.asString());
    }

    /** The list field named by a {@code <prefix>/<field>} directive key. */
    static String fieldOf(String key, String prefix, String malformed) {
        int slash = key.indexOf('/');
        if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
            throw PatchErrors.badRequest(malformed);
        }
        return key.substring(slash + 1);
    }
}
