package io.kubesim.server.registry.kinds;

/**
 * Hands out service cluster IPs from the service CIDR. Every reservation has an owner, the
 * service's {@code metadata.uid}, and only the owner's release frees it, so releasing what a failed
 * request asked for can never free an address another service holds.
 *
 * <p>{@link ServiceStrategy} reserves addresses while preparing a create or update; whoever owns
 * the service store frees them through {@link ServiceStrategy#release} and, at start-up, reserves
 * the addresses stored services hold with {@link #allocate}.
 *
 * <p>Implementations must be thread-safe: two concurrent creates never get the same address.
 */
public interface ClusterIpAllocator {

    /** The service CIDR, e.g. {@code 10.96.0.0/12}. */
    String cidr();

    /** Reserves a free address for {@code owner}; {@link AllocationException} ({@code FULL}) when none is left. */
    String allocateNext(String owner);

    /**
     * Reserves {@code ip} for {@code owner} (a no-op when {@code owner} already holds it);
     * {@link AllocationException} when another owner holds it ({@code ALREADY_ALLOCATED}), it is
     * outside the range ({@code NOT_IN_RANGE}) or it is not an IPv4 address ({@code INVALID}).
     */
    void allocate(String ip, String owner);

    /** Frees {@code ip} if {@code owner} holds it; anything else is ignored. */
    void release(String ip, String owner);

    /** Whether anyone holds {@code ip}. */
    boolean isAllocated(String ip);
}
