package io.kubesim.server.registry.kinds;

/**
 * Hands out service node ports from the node-port range (30000–32767 by default). Same contract
 * as {@link ClusterIpAllocator}: reservations have an owner (the service's uid), only the owner
 * frees them, and implementations are thread-safe.
 */
public interface NodePortAllocator {

    /** The range as upstream prints it in errors, e.g. {@code 30000-32767}. */
    String range();

    /** Reserves a free port for {@code owner}; {@link AllocationException} ({@code FULL}) when none is left. */
    int allocateNext(String owner);

    /** Reserves {@code port} for {@code owner} (no-op when already its); {@link AllocationException} otherwise. */
    void allocate(int port, String owner);

    /** Frees {@code port} if {@code owner} holds it. */
    void release(int port, String owner);

    boolean isAllocated(int port);
}
