package io.kubesim.server.schema;

import java.util.List;
import java.util.Objects;

/**
 * A JSON array of one item schema, with the list semantics Kubernetes declares on the field.
 *
 * @param items         schema of every element
 * @param listType      {@code x-kubernetes-list-type}
 * @param listMapKeys   {@code x-kubernetes-list-map-keys}; non-empty exactly when {@code listType} is
 *                      {@link ListType#MAP}
 * @param patchStrategy {@link PatchStrategy#MERGE} merges element-wise in a strategic merge patch;
 *                      {@link PatchStrategy#REPLACE} replaces the list
 * @param mergeKey      {@code patchMergeKey}: the field identifying an object element during a merge; null for
 *                      lists of scalars and for replaced lists
 * @param retainKeys    whether the field also carries the {@code retainKeys} strategy (only client-side patch
 *                      generation uses it; the server honours {@code $retainKeys} wherever it appears)
 */
public record ArraySchema(TypeSchema items, ListType listType, List<String> listMapKeys,
                          PatchStrategy patchStrategy, String mergeKey, boolean retainKeys) implements TypeSchema {

    public ArraySchema {
        Objects.requireNonNull(items);
        Objects.requireNonNull(listType);
        Objects.requireNonNull(patchStrategy);
        listMapKeys = List.copyOf(listMapKeys);
        if ((listType == ListType.MAP) == listMapKeys.isEmpty()) {
            throw new IllegalArgumentException("list-map keys are required exactly for list type map");
        }
        if (mergeKey != null && patchStrategy != PatchStrategy.MERGE) {
            throw new IllegalArgumentException("a merge key needs patch strategy merge");
        }
    }

    /** A list that is replaced as a whole: the default for every list without declared metadata. */
    public static ArraySchema atomic(TypeSchema items) {
        return new ArraySchema(items, ListType.ATOMIC, List.of(), PatchStrategy.REPLACE, null, false);
    }

    /** Whether a strategic merge patch merges this list instead of replacing it. */
    public boolean merges() {
        return patchStrategy == PatchStrategy.MERGE;
    }

    @Override
    public String goType() {
        return "[]" + items.goType();
    }
}
