package io.kubesim.server.schema;

/** The {@code x-kubernetes-list-type} of a list: how server-side apply identifies its elements. */
public enum ListType {
    /** The list is one value; it is replaced as a whole. */
    ATOMIC("atomic"),
    /** Scalars that are unique in the list. */
    SET("set"),
    /** Objects identified by the values of the list-map keys. */
    MAP("map");

    private final String value;

    ListType(String value) {
        this.value = value;
    }

    /** The value as written in OpenAPI ({@code atomic}, {@code set}, {@code map}). */
    public String value() {
        return value;
    }
}
