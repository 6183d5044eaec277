package io.kubesim.server.storage;

/** Thrown when the requested revision has been compacted. */
public class CompactedException extends StorageException {
    private static final long serialVersionUID = 1L;
    private final long requested;
    private final long compacted;

    public CompactedException(long requested, long compacted) {
        super("revision " + requested + " is compacted (compacted revision " + compacted + ")");
        this.requested = requested;
        this.compacted = compacted;
    }

    public long requested() {
        return requested;
    }

    public long compacted() {
        return compacted;
    }
}
