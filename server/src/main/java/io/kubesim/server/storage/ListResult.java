package io.kubesim.server.storage;

import java.util.List;

/**
 * A page of a prefix listing read at one revision. {@code more} is true when items beyond the limit
 * exist; the caller continues with the last item's key as {@code startAfterKey}.
 */
public record ListResult(List<StoredObject> items, long revision, boolean more) {
}
