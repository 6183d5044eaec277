package io.kubesim.server.registry.kinds;

/**
 * A cluster IP or node port could not be allocated. The message is upstream's error text
 * ({@code provided IP is already allocated}, {@code range is full}, ...), which the service
 * strategy embeds in the API error it reports.
 */
public class AllocationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the allocation failed; decides whether the client or the cluster is at fault. */
    public enum Kind { ALREADY_ALLOCATED, NOT_IN_RANGE, FULL, INVALID }

    private final Kind kind;

    public AllocationException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
