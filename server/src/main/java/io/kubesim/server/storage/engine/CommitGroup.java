package io.kubesim.server.storage.engine;

import io.kubesim.server.storage.StorageEvent;
import java.util.List;

/**
 * Everything one group commit must make durable atomically.
 *
 * @param events            the mutations, in revision order (may be empty for a pure compaction)
 * @param revision          the current revision once the group is committed
 * @param compactedRevision the compacted revision once the group is committed
 * @param compacts          whether this group raises the compacted revision (and history must be trimmed)
 */
public record CommitGroup(List<StorageEvent> events, long revision, long compactedRevision, boolean compacts) {

    public CommitGroup {
        events = List.copyOf(events);
    }
}
