package io.kubesim.server.storage.engine;

import java.util.List;
import java.util.Optional;

import io.kubesim.server.storage.ListResult;
import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.StoredObject;

/**
 * The reads a backend answers from its committed state, called on {@link SequencedStorage}'s reader
 * threads with arguments already checked; each list or event read sees one consistent revision.
 * Implementations may throw backend-specific checked exceptions, which fail the returned future.
 */
public interface BackendReads {

    Optional<StoredObject> get(String key) throws Exception;

    ListResult list(String prefix, String startAfterKey, int limit) throws Exception;

    List<StorageEvent> eventsAfter(long revision, String prefix, int limit) throws Exception;
}
