package io.kubesim.server.table;

import io.kubesim.server.api.ApiException;

/**
 * The {@code includeObject} query parameter of Table requests: what each row's {@code object}
 * carries.
 */
public enum IncludeObject {
    /** {@code "object": null}. */
    NONE("None"),
    /** A {@code PartialObjectMetadata} with the object's full metadata (the default). */
    METADATA("Metadata"),
    /** The full object, as stored (with kind and apiVersion). */
    OBJECT("Object");

    private final String wireName;

    IncludeObject(String wireName) {
        this.wireName = wireName;
    }

    /** The value as it appears in the query string. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses the query value; absent or empty means {@link #METADATA}.
     *
     * @throws ApiException BadRequest for any other value, worded as kube-apiserver does
     */
    public static IncludeObject parse(String value) {
        if (value == null || value.isEmpty()) {
            return METADATA;
        }
        for (IncludeObject v : values()) {
            if (v.wireName.equals(value)) {
                return v;
            }
        }
        throw ApiException.badRequest("unrecognized includeObject value: \"" + value + "\"");
    }
}
