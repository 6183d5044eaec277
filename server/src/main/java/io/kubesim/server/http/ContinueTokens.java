package io.kubesim.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opaque {@code continue} tokens of paged lists: the revision the first page was read at and the
 * last key returned, relative to the list's key prefix (so a token cannot reach outside the
 * namespace it was issued for). Encoded like the real server's: base64 of a small JSON document.
 */
public final class ContinueTokens {

    private ContinueTokens() {
    }

    /** A token position: the list revision and the key (relative to the prefix) to start after. */
    public record Position(long revision, String startAfter) {
    }

    public static String encode(long revision, String lastKey, String prefix) {
        ObjectNode t = Json.object();
        t.put("v", "meta.k8s.io/v1");
        t.put("rv", revision);
        t.put("start", lastKey.substring(prefix.length()) + "\u0000");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(t));
    }

    /** Decodes {@code token}; BadRequest when it is not one of ours. */
    public static Position decode(String token, String prefix) {
        try {
            JsonNode t = Json.parse(new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8));
            if (!"meta.k8s.io/v1".equals(t.path("v").asString(""))) {
                throw invalid("continue key is not valid: incorrect encoded start resourceVersion (version "
                        + "meta.k8s.io/v1)");
            }
            long rv = t.path("rv").asLong(0);
            String start = t.path("start").asString("");
            if (rv <= 0 || !start.endsWith("\u0000") || start.contains("..")) {
                throw invalid("continue key is not valid: incorrect encoded start resourceVersion (version "
                        + "meta.k8s.io/v1)");
            }
            return new Position(rv, prefix + start.substring(0, start.length() - 1));
        } catch (IllegalArgumentException | tools.jackson.core.JacksonException e) {
            throw invalid("continue key is not valid: " + e.getMessage());
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest(message);
    }
}
