package io.kubesim.server.registry.kinds;

import java.util.Map;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the base64 maps of Secrets ({@code data}) and ConfigMaps ({@code binaryData}) the way
 * kube-apiserver's decoder does: a value that is not standard base64 makes the whole request a
 * {@code 400 BadRequest}, reported like {@code Secret in version "v1" cannot be handled as a
 * Secret: illegal base64 data at input byte 4}. Stateless and thread-safe.
 */
final class Base64Data {

    private Base64Data() {
    }

    static void check(ObjectNode obj, String field, String kind) {
        ObjectNode map = Trees.object(obj, field);
        if (map == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            JsonNode v = e.getValue();
            int bad = v.isString() ? illegalOffset(v.asString()) : (v.isNull() ? -1 : 0);
            if (bad >= 0) {
                throw ApiException.badRequest(kind + " in version \"v1\" cannot be handled as a " + kind
                        + ": illegal base64 data at input byte " + bad);
            }
        }
    }

    /** The offset Go's standard decoder reports for {@code s}, or -1 when it decodes (CR and LF are skipped). */
    static int illegalOffset(String s) {
        int quantum = 0;
        int padding = 0;
        int lastQuantumStart = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                continue;
            }
            if (quantum == 0) {
                lastQuantumStart = i;
            }
            if (c == '=') {
                if (quantum < 2) {
                    return i;
                }
                padding++;
            } else if (padding > 0 || !isAlphabet(c)) {
                return i;
            }
            quantum = (quantum + 1) % 4;
            if (quantum == 0 && padding > 0) {
                for (int j = i + 1; j < s.length(); j++) {
                    if (s.charAt(j) != '\r' && s.charAt(j) != '\n') {
                        return j;
                    }
                }
                return -1;
            }
        }
        return quantum == 0 ? -1 : lastQuantumStart;
    }

    private static boolean isAlphabet(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }
}
