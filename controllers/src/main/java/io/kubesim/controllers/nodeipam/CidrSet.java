package io.kubesim.controllers.nodeipam;

import java.util.BitSet;
import java.util.Optional;

/**
 * The node-sized subnets of the cluster CIDR and which are taken, like upstream's cidrset: a
 * bitmap with a rotating next-candidate so freed subnets are not handed out again at once.
 * Thread-safe (synchronized).
 */
final class CidrSet {

    private final Ipv4Cidr cluster;
    private final int subnetPrefix;
    private final int count;
    private final BitSet used;
    private int next;

    /** The subnets of {@code cluster} with prefix length {@code subnetPrefix}. */
    CidrSet(Ipv4Cidr cluster, int subnetPrefix) {
        if (subnetPrefix < cluster.prefix() || subnetPrefix > 32) {
            throw new IllegalArgumentException("--node-cidr-mask-size " + subnetPrefix
                    + " must be between the cluster CIDR's prefix length " + cluster.prefix() + " and 32");
        }
        if (subnetPrefix - cluster.prefix() > 24) {
            throw new IllegalArgumentException("--node-cidr-mask-size " + subnetPrefix + " splits " + cluster
                    + " into too many subnets");
        }
        this.cluster = cluster;
        this.subnetPrefix = subnetPrefix;
        this.count = 1 << (subnetPrefix - cluster.prefix());
        this.used = new BitSet(count);
    }

    /** The next free subnet, marked used; empty when all are taken. */
    synchronized Optional<String> allocateNext() {
        for (int i = 0; i < count; i++) {
            int candidate = (next + i) % count;
            if (!used.get(candidate)) {
                used.set(candidate);
                next = (candidate + 1) % count;
                return Optional.of(subnet(candidate).toString());
            }
        }
        return Optional.empty();
    }

    /**
     * Marks the subnets {@code cidr} overlaps as used (a node keeps a CIDR assigned before a
     * restart, even one of another size). Returns false when it lies outside the cluster CIDR.
     */
    synchronized boolean occupy(String cidr) {
        int[] range = range(cidr);
        if (range == null) {
            return false;
        }
        used.set(range[0], range[1] + 1);
        return true;
    }

    synchronized void release(String cidr) {
        int[] range = range(cidr);
        if (range != null) {
            used.clear(range[0], range[1] + 1);
        }
    }

    synchronized int free() {
        return count - used.cardinality();
    }

    private Ipv4Cidr subnet(int index) {
        return new Ipv4Cidr(cluster.base() + ((long) index << (32 - subnetPrefix)), subnetPrefix);
    }

    /** First and last subnet index {@code cidr} overlaps, or null when outside the cluster CIDR. */
    private int[] range(String cidr) {
        Ipv4Cidr c;
        try {
            c = Ipv4Cidr.parse(cidr);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (c.prefix() < cluster.prefix() ? !c.contains(cluster.base()) : !cluster.contains(c.base())) {
            return null;
        }
        long start = Math.max(c.base(), cluster.base());
        long end = Math.min(c.base() + c.size(), cluster.base() + cluster.size()) - 1;
        int shift = 32 - subnetPrefix;
        return new int[] {(int) ((start - cluster.base()) >>> shift), (int) ((end - cluster.base()) >>> shift)};
    }
}
