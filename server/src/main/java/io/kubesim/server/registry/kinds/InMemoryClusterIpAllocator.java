package io.kubesim.server.registry.kinds;

import io.kubesim.server.validation.NameValidation;

/**
 * A {@link ClusterIpAllocator} over an IPv4 CIDR held in memory. The network and broadcast
 * addresses are never handed out. Thread-safe (all methods synchronize on the instance).
 */
public final class InMemoryClusterIpAllocator implements ClusterIpAllocator {

    /** kube-apiserver's usual service range in kubeadm clusters. */
    public static final String DEFAULT_CIDR = "10.96.0.0/12";

    private final String cidr;
    private final long base;
    private final int size;
    private final RangeBitmap bitmap;

    public InMemoryClusterIpAllocator() {
        this(DEFAULT_CIDR);
    }

    /** @param cidr an IPv4 CIDR with a prefix between /8 and /30 */
    public InMemoryClusterIpAllocator(String cidr) {
        String[] parts = cidr.split("/", 2);
        int[] octets = parts.length == 2 ? NameValidation.ipv4(parts[0]) : null;
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
        if (octets == null || prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("not a usable IPv4 service CIDR: " + cidr);
        }
        long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        this.cidr = cidr;
        this.base = toLong(octets) & mask;
        this.size = (int) ((1L << (32 - prefix)) - 2);
        this.bitmap = new RangeBitmap(size, RangeBitmap.band(size, 16, 256));
    }

    @Override
    public String cidr() {
        return cidr;
    }

    @Override
    public synchronized String allocateNext(String owner) {
        int slot = bitmap.next(owner);
        if (slot < 0) {
            throw new AllocationException(AllocationException.Kind.FULL, "range is full");
        }
        return toIp(base + 1 + slot);
    }

    @Override
    public synchronized void allocate(String ip, String owner) {
        int slot = slot(ip);
        if (!bitmap.take(slot, owner)) {
            throw new AllocationException(AllocationException.Kind.ALREADY_ALLOCATED, "provided IP is already allocated");
        }
    }

    @Override
    public synchronized void release(String ip, String owner) {
        try {
            bitmap.free(slot(ip), owner);
        } catch (AllocationException e) {
            // Not ours: nothing to free.
        }
    }

    @Override
    public synchronized boolean isAllocated(String ip) {
        try {
            return bitmap.isTaken(slot(ip));
        } catch (AllocationException e) {
            return false;
        }
    }

    private int slot(String ip) {
        int[] octets = NameValidation.ipv4(ip);
        if (octets == null) {
            throw new AllocationException(AllocationException.Kind.INVALID, "the provided IP (" + ip + ") is not a valid IPv4 address");
        }
        long offset = toLong(octets) - base - 1;
        if (offset < 0 || offset >= size) {
            throw new AllocationException(AllocationException.Kind.NOT_IN_RANGE, "the provided IP (" + ip
                    + ") is not in the valid range. The range of valid IPs is " + cidr);
        }
        return (int) offset;
    }

    private static long toLong(int[] o) {
        return ((long) o[0] << 24) | ((long) o[1] << 16) | ((long) o[2] << 8) | o[3];
    }

    private static String toIp(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
