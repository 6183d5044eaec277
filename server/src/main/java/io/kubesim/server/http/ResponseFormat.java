package io.kubesim.server.http;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;

/**
 * The representation a response is written in, chosen from the {@code Accept} header the way the
 * real server negotiates: the first media range the server can produce wins, {@code *}/{@code *} and
 * {@code application/json} always mean JSON, and protobuf (which we never produce) is skipped in
 * favour of a later JSON entry. Metadata-only responses ({@code as=PartialObjectMetadata}) are not
 * produced, so a client listing them falls through to its next entry. Immutable.
 */
public enum ResponseFormat {
    JSON("application/json"),
    YAML("application/yaml"),
    /** {@code meta.k8s.io/v1 Table}. */
    TABLE("application/json;as=Table;v=v1;g=meta.k8s.io");

    private final String contentType;

    ResponseFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * Chooses the format for {@code accept}; {@code tablesAllowed} is false for requests that can
     * only answer with objects (writes). Throws NotAcceptable when nothing listed can be produced.
     */
    public static ResponseFormat negotiate(String accept, boolean tablesAllowed) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            Map<String, String> params = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                if (kv.length == 2) {
                    params.put(kv[0].trim(), kv[1].trim());
                }
            }
            ResponseFormat f = match(type, params, tablesAllowed);
            if (f != null) {
                return f;
            }
        }
        throw new ApiException(Reason.NotAcceptable, "only the following media types are accepted: "
                + "application/json, application/yaml");
    }

    private static ResponseFormat match(String type, Map<String, String> params, boolean tablesAllowed) {
        String as = params.get("as");
        if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) {
            if (as == null) {
                return JSON;
            }
            boolean metaGroup = "meta.k8s.io".equals(params.get("g"));
            String v = params.get("v");
            boolean knownVersion = "v1".equals(v) || "v1beta1".equals(v);
            if (tablesAllowed && metaGroup && knownVersion && as.equals("Table")) {
                return TABLE;
            }
            return null;
        }
        if (type.equals("application/yaml") && as == null) {
            return YAML;
        }
        return null;
    }
}
