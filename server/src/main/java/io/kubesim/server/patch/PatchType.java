package io.kubesim.server.patch;

import java.util.Locale;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;

/** The four PATCH body formats kube-apiserver accepts for built-in resources, keyed by Content-Type. */
public enum PatchType {
    /** RFC 6902, see {@link JsonPatch}. */
    JSON_PATCH("application/json-patch+json"),
    /** RFC 7386, see {@link JsonMergePatch}. */
    MERGE_PATCH("application/merge-patch+json"),
    /** Kubernetes strategic merge patch, see {@link StrategicMergePatch}. */
    STRATEGIC_MERGE_PATCH("application/strategic-merge-patch+json"),
    /** Server-side apply; a YAML or JSON object with field ownership semantics (not handled in this package). */
    APPLY_PATCH("application/apply-patch+yaml");

    private final String mediaType;

    PatchType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type, e.g. {@code application/merge-patch+json}. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The patch type named by a Content-Type header; parameters such as {@code ; charset=utf-8} are ignored.
     *
     * @throws ApiException {@link Reason#UnsupportedMediaType} with kube-apiserver's message when the header is
     *                      missing or names another type
     */
    public static PatchType fromContentType(String contentType) {
        if (contentType != null) {
            int semicolon = contentType.indexOf(';');
            String type = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType)
                    .strip().toLowerCase(Locale.ROOT);
            for (PatchType t : values()) {
                if (t.mediaType.equals(type)) {
                    return t;
                }
            }
        }
        throw new ApiException(Reason.UnsupportedMediaType,
                "the body of the request was in an unknown format - accepted media types include: "
                        + "application/json-patch+json, application/merge-patch+json, "
                        + "application/strategic-merge-patch+json, application/apply-patch+yaml");
    }
}
