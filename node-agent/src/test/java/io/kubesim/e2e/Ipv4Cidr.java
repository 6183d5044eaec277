package io.kubesim.e2e;

/**
 * An IPv4 address block such as {@code 10.244.1.0/24}, to check that a pod's IP comes from its node's
 * {@code spec.podCIDR}. Immutable.
 *
 * @param network the block's address bits (host bits cleared)
 * @param prefix  the prefix length, 0 to 32
 */
record Ipv4Cidr(int network, int prefix) {

    Ipv4Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix out of range: " + prefix);
        }
        network &= mask(prefix);
    }

    /** Parses {@code a.b.c.d/n}. */
    static Ipv4Cidr parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR: " + cidr);
        }
        return new Ipv4Cidr(address(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
    }

    /** Whether the dotted-quad {@code ip} lies in this block. */
    boolean contains(String ip) {
        return (address(ip) & mask(prefix)) == network;
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    private static int address(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        int value = 0;
        for (String part : parts) {
            int octet = Integer.parseInt(part);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            value = value << 8 | octet;
        }
        return value;
    }

    @Override
    public String toString() {
        return (network >>> 24) + "." + (network >>> 16 & 255) + "." + (network >>> 8 & 255) + "." + (network & 255)
                + "/" + prefix;
    }
}
