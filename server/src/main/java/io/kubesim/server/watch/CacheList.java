package io.kubesim.server.watch;

import java.util.List;

/**
 * One page of a list served from the cache at {@code revision}. When {@code more} is true the next
 * page starts after {@code lastKey} at the same revision.
 */
public record CacheList(List<CachedObject> items, long revision, String lastKey, boolean more) {
}
