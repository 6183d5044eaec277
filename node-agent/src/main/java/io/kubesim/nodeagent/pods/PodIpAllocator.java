package io.kubesim.nodeagent.pods;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hands out pod IPs from one node's IPv4 pod CIDR, like a CNI's host-local IPAM: the network
 * address, the first address (the bridge gateway) and the broadcast address are never given out;
 * an address stays with its pod until {@link #release}; allocation continues after the last
 * address given out, so a freed address is not reused at once. Allocation for a pod that already
 * has an address returns that address. Thread-safe.
 */
public final class PodIpAllocator {

    private final String cidr;
    private final long base;
    private final int size;
    private final BitSet used;
    private final Map<String, Integer> byPod = new HashMap<>();
    private int next = 2;

    /**
     * @param cidr an IPv4 CIDR such as {@code 10.244.1.0/24}, with a prefix of at most /30
     * @throws IllegalArgumentException for anything else
     */
    public PodIpAllocator(String cidr) {
        String[] parts = cidr.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a CIDR: " + cidr);
        }
        int bits;
        try {
            bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR: " + cidr, e);
        }
        if (bits < 8 || bits > 30) {
            throw new IllegalArgumentException("pod CIDR " + cidr + " must have a prefix between /8 and /30");
        }
        long address = parse(parts[0]);
        long mask = (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        this.cidr = cidr;
        this.base = address & mask;
        this.size = 1 << (32 - bits);
        this.used = new BitSet(size);
    }

    public String cidr() {
        return cidr;
    }

    /** The address of {@code podUid}, allocating one if needed; empty when the range is exhausted. */
    public synchronized Optional<String> allocate(String podUid) {
        Integer have = byPod.get(podUid);
        if (have != null) {
            return Optional.of(format(base + have));
        }
        int usable = size - 3;
        for (int i = 0; i < usable; i++) {
            int offset = 2 + Math.floorMod(next - 2 + i, usable);
            if (!used.get(offset)) {
                used.set(offset);
                byPod.put(podUid, offset);
                next = offset + 1;
                return Optional.of(format(base + offset));
            }
        }
        return Optional.empty();
    }

    /**
     * Records that {@code podUid} already has {@code ip} (a pod found running after a restart).
     *
     * @return false when the address is outside the range or held by another pod
     */
    public synchronized boolean reserve(String podUid, String ip) {
        long address;
        try {
            address = parse(ip);
        } catch (IllegalArgumentException e) {
            return false;
        }
        long offset = address - base;
        if (offset < 2 || offset > size - 2) {
            return false;
        }
        Integer have = byPod.get(podUid);
        if (have != null) {
            return have == offset;
        }
        if (used.get((int) offset)) {
            return false;
        }
        used.set((int) offset);
        byPod.put(podUid, (int) offset);
        return true;
    }

    /** Frees the address of {@code podUid}, if it has one. */
    public synchronized void release(String podUid) {
        Integer offset = byPod.remove(podUid);
        if (offset != null) {
            used.clear(offset);
        }
    }

    /** How many addresses are held. */
    public synchronized int inUse() {
        return byPod.size();
    }

    private static long parse(String ip) {
        String[] octets = ip.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + ip);
        }
        long v = 0;
        for (String o : octets) {
            int n;
            try {
                n = Integer.parseInt(o);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 address: " + ip, e);
            }
            if (n < 0 || n > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + ip);
            }
            v = (v << 8) | n;
        }
        return v;
    }

    private static String format(long v) {
        return ((v >> 24) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + (v & 0xFF);
    }
}
