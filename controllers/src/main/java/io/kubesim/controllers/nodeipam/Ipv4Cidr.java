package io.kubesim.controllers.nodeipam;

/**
 * An IPv4 CIDR block, e.g. {@code 10.244.0.0/16}: the network address (host bits cleared) and
 * prefix length. Immutable.
 */
record Ipv4Cidr(long base, int prefix) {

    Ipv4Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length must be between 0 and 32, not " + prefix);
        }
        base = base & mask(prefix);
    }

    static Ipv4Cidr parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid CIDR address: " + cidr);
        }
        String[] octets = cidr.substring(0, slash).trim().split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("invalid CIDR address (only IPv4 is supported): " + cidr);
        }
        long address = 0;
        try {
            for (String o : octets) {
                int v = Integer.parseInt(o);
                if (v < 0 || v > 255) {
                    throw new IllegalArgumentException("invalid CIDR address: " + cidr);
                }
                address = (address << 8) | v;
            }
            return new Ipv4Cidr(address, Integer.parseInt(cidr.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid CIDR address: " + cidr, e);
        }
    }

    /** Number of addresses in the block. */
    long size() {
        return 1L << (32 - prefix);
    }

    boolean contains(long address) {
        return (address & mask(prefix)) == base;
    }

    static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    @Override
    public String toString() {
        return ((base >>> 24) & 255) + "." + ((base >>> 16) & 255) + "." + ((base >>> 8) & 255) + "." + (base & 255)
                + "/" + prefix;
    }
}
