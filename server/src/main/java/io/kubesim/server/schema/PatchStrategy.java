package io.kubesim.server.schema;

/**
 * The strategic-merge-patch strategy of a field ({@code patchStrategy} struct tag). Lists default to
 * {@link #REPLACE}, structs and maps to {@link #MERGE}.
 */
public enum PatchStrategy {
    /** Lists merge element-wise (by merge key, or as a set of scalars); structs merge field by field. */
    MERGE,
    /** The patch value replaces the current value as a whole. */
    REPLACE
}
