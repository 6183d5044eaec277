package io.kubesim.server.patch;

import java.util.Map;
import java.util.TreeMap;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import tools.jackson.databind.JsonNode;

/**
 * The errors of patch application, worded as kube-apiserver words them. Where kube-apiserver lets a plain
 * error escape (it then answers 500), a malformed patch is reported as {@link Reason#BadRequest} instead.
 * Values inside messages are rendered like Go's {@code %v}.
 */
final class PatchErrors {

    static final String UNPROCESSABLE = "the server rejected our request due to an error in our request";
    static final String BAD_RETAIN_KEYS = "invalid patch format of retainKeys";
    static final String BAD_ORDER_LIST = "invalid patch format of setElementOrder list";
    static final String BAD_PRIMITIVE_LIST = "invalid patch format of primitive list";

    private PatchErrors() {
    }

    /** 422 Invalid without causes: what kube-apiserver answers when applying a patch fails. */
    static ApiException unprocessable() {
        return new ApiException(Reason.Invalid, UNPROCESSABLE);
    }

    static ApiException badRequest(String message) {
        return ApiException.badRequest(message);
    }

    static ApiException noMergeKey(JsonNode element, String mergeKey) {
        return badRequest("map: " + goFormat(element) + " does not contain declared merge key: " + mergeKey);
    }

    static ApiException unknownPatchType(JsonNode directive, JsonNode map) {
        return badRequest("unknown patch type: " + goFormat(directive) + " in map: " + goFormat(map));
    }

    /** The JSON kind as Go's decoder names it in {@code cannot unmarshal <kind> into ...}. */
    static String jsonKind(JsonNode node) {
        if (node.isString()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return node.isArray() ? "array" : "object";
    }

    /** Go's {@code %v} of the decoded value: {@code map[k:v]} with sorted keys, {@code [a b]}, {@code <nil>}. */
    static String goFormat(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        format(node, sb);
        return sb.toString();
    }

    private static void format(JsonNode node, StringBuilder sb) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            sb.append("<nil>");
        } else if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            sb.append("map[");
            String sep = "";
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                sb.append(sep).append(e.getKey()).append(':');
                format(e.getValue(), sb);
                sep = " ";
            }
            sb.append(']');
        } else if (node.isArray()) {
            sb.append('[');
            String sep = "";
            for (JsonNode item : node) {
                sb.append(sep);
                format(item, sb);
                sep = " ";
            }
            sb.append(']');
        } else {
            sb.append(node.asString());
        }
    }
}
