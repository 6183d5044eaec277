package io.kubesim.server.storage.engine;

import io.kubesim.server.storage.KeyExistsException;
import io.kubesim.server.storage.KeyNotFoundException;
import io.kubesim.server.storage.RevisionMismatchException;
import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.StorageException;
import io.kubesim.server.storage.StoredObject;
import io.kubesim.server.storage.WriteResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one commit group on the writer thread: checks each request against the committed state
 * plus the effects of the requests accepted before it in the same group, assigns revisions to the
 * accepted ones (so a rejected request never consumes a revision) and remembers how to settle every
 * caller once the group is durable. Not thread-safe; one instance per group.
 */
final class GroupAssembler {
    private final CommitBackend backend;
    /** Values written earlier in this group; a null value means deleted in this group. */
    private final Map<String, StoredObject> overlay = new HashMap<>();
    private final List<StorageEvent> events = new ArrayList<>();
    private final List<PendingWrite> members = new ArrayList<>();
    private final List<Runnable> settlements = new ArrayList<>();
    private final long compactedBefore;
    private long revision;
    private long compactedRevision;
    private long bytes;

    GroupAssembler(CommitBackend backend, long revision, long compactedRevision) {
        this.backend = backend;
        this.revision = revision;
        this.compactedRevision = compactedRevision;
        this.compactedBefore = compactedRevision;
    }

    void add(PendingWrite write) {
        members.add(write);
        if (write instanceof MutationRequest mutation) {
            addMutation(mutation);
        } else if (write instanceof CompactionRequest compaction) {
            addCompaction(compaction);
        }
    }

    int size() {
        return members.size();
    }

    /** Approximate payload size, used to bound a group. */
    long bytes() {
        return bytes;
    }

    /** Whether anything must be written (false when every request was rejected). */
    boolean hasChanges() {
        return !events.isEmpty() || compactedRevision != compactedBefore;
    }

    CommitGroup toCommitGroup() {
        return new CommitGroup(events, revision, compactedRevision, compactedRevision != compactedBefore);
    }

    List<StorageEvent> events() {
        return events;
    }

    long revision() {
        return revision;
    }

    long compactedRevision() {
        return compactedRevision;
    }

    /** Completes or fails every member's future, in request order. */
    void settle() {
        settlements.forEach(Runnable::run);
    }

    /** Fails every member that is not settled yet (used when the group could not be committed). */
    void failAll(Throwable cause) {
        members.forEach(member -> member.fail(cause));
    }

    private void addMutation(MutationRequest request) {
        String key = request.key();
        StoredObject current = overlay.containsKey(key) ? overlay.get(key) : backend.load(key);
        StorageException rejection = checkPrecondition(request, current);
        if (rejection != null) {
            settlements.add(() -> request.fail(rejection));
            return;
        }
        long next = revision + 1;
        StoredObject written = null;
        if (request.type() != StorageEvent.Type.DELETE) {
            byte[] value;
            try {
                value = request.encoder().encode(next);
            } catch (RuntimeException e) {
                StorageException failure = new StorageException("encoding the value of " + key + " failed", e);
                settlements.add(() -> request.fail(failure));
                return;
            }
            if (value == null) {
                StorageException failure = new StorageException("the value encoder returned null for " + key);
                settlements.add(() -> request.fail(failure));
                return;
            }
            long createRevision = current == null ? next : current.createRevision();
            written = new StoredObject(key, value, createRevision, next);
        }
        revision = next;
        overlay.put(key, written);
        events.add(new StorageEvent(request.type(), key, next, written, current));
        bytes += key.length() + length(written) + length(current);
        WriteResult result = new WriteResult(next, written, current);
        settlements.add(() -> request.future().complete(result));
    }

    private static StorageException checkPrecondition(MutationRequest request, StoredObject current) {
        String key = request.key();
        if (request.type() == StorageEvent.Type.CREATE) {
            return current == null ? null : new KeyExistsException(key);
        }
        if (current == null) {
            return new KeyNotFoundException(key);
        }
        boolean unconditional = request.type() == StorageEvent.Type.DELETE && request.expectedModRevision() == 0;
        if (!unconditional && current.modRevision() != request.expectedModRevision()) {
            return new RevisionMismatchException(key);
        }
        return null;
    }

    private void addCompaction(CompactionRequest request) {
        if (request.revision() > revision) {
            StorageException failure = new StorageException(
                    "cannot compact to revision " + request.revision() + ": current revision is " + revision);
            settlements.add(() -> request.fail(failure));
            return;
        }
        // Compacting at or below the compacted revision again is a harmless no-op, not an error,
        // so a periodic compactor needs no coordination.
        compactedRevision = Math.max(compactedRevision, request.revision());
        settlements.add(() -> request.future().complete(null));
    }

    private static long length(StoredObject object) {
        return object == null ? 0 : object.value().length;
    }
}
