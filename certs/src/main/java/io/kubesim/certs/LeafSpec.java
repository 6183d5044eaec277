package io.kubesim.certs;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an end-entity certificate must say: its subject (CN and O values, which Kubernetes reads as user name and
 * groups), its subject alternative names, and whether it may authenticate a TLS server, a TLS client, or both.
 * Immutable and thread-safe.
 *
 * @param commonName    subject CN, the user name for client certificates
 * @param organizations subject O values, the groups for client certificates (may be empty)
 * @param dnsNames      DNS SANs, lower case, without duplicates
 * @param ipAddresses   IP SANs, without duplicates
 * @param serverAuth    whether the certificate carries the serverAuth extended key usage
 * @param clientAuth    whether the certificate carries the clientAuth extended key usage
 */
public record LeafSpec(String commonName, List<String> organizations, List<String> dnsNames,
                       List<InetAddress> ipAddresses, boolean serverAuth, boolean clientAuth) {

    public LeafSpec {
        Objects.requireNonNull(commonName, "commonName");
        if (commonName.isBlank()) {
            throw new IllegalArgumentException("commonName must not be blank");
        }
        if (!serverAuth && !clientAuth) {
            throw new IllegalArgumentException("a leaf certificate needs serverAuth, clientAuth or both");
        }
        organizations = List.copyOf(organizations);
        Set<String> dns = new LinkedHashSet<>();
        for (String name : dnsNames) {
            if (!HostNames.isDnsName(name)) {
                throw new IllegalArgumentException("not a valid DNS name: " + name);
            }
            dns.add(HostNames.normalizeDns(name));
        }
        dnsNames = List.copyOf(dns);
        ipAddresses = List.copyOf(new LinkedHashSet<>(ipAddresses));
    }

    /** A client certificate (clientAuth only, no SANs) for the user {@code commonName} in the given groups. */
    public static LeafSpec client(String commonName, List<String> organizations) {
        return new LeafSpec(commonName, organizations, List.of(), List.of(), false, true);
    }

    /**
     * A serving certificate (serverAuth only) whose SANs are the given hosts: IP literals become IP SANs, everything
     * else a DNS SAN.
     *
     * @throws IllegalArgumentException if a host is neither an IP literal nor a valid DNS name
     */
    public static LeafSpec server(String commonName, Collection<String> hosts) {
        List<String> dns = new ArrayList<>();
        List<InetAddress> ips = new ArrayList<>();
        for (String host : hosts) {
            if (HostNames.isIpLiteral(host)) {
                ips.add(HostNames.parseIp(host));
            } else {
                dns.add(host);
            }
        }
        return new LeafSpec(commonName, List.of(), dns, ips, true, false);
    }

    /** Whether the certificate needs a subject alternative name extension. */
    boolean hasSans() {
        return !dnsNames.isEmpty() || !ipAddresses.isEmpty();
    }
}
