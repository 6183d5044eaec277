package io.kubesim.certs;

import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * Decides whether an existing leaf certificate can be kept: it must be issued by the current CA, valid now and for at
 * least {@link #RENEW_BEFORE} more, carry the requested identity and key purposes, and its SANs must cover the
 * requested ones (extra SANs are fine). Anything else is ordinary rotation, so the answer is a reason to reissue
 * rather than an error. Stateless and thread-safe.
 */
final class LeafCheck {

    /** Certificates expiring sooner than this are renewed. */
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private LeafCheck() {
    }

    /** Why {@code certificate} must be reissued to satisfy {@code spec}, or empty if it can be kept. */
    static Optional<String> reissueReason(X509Certificate certificate, LeafSpec spec, CertificateAuthority ca,
                                          Instant now) {
        if (!ca.isIssuerOf(certificate)) {
            return Optional.of("not signed by the current CA");
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return Optional.of("not valid before " + certificate.getNotBefore().toInstant());
        }
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.plus(RENEW_BEFORE).isAfter(notAfter)) {
            return Optional.of("expires " + notAfter);
        }
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        if (!values(subject, BCStyle.CN).equals(List.of(spec.commonName()))
                || !Set.copyOf(values(subject, BCStyle.O)).equals(Set.copyOf(spec.organizations()))) {
            return Optional.of("subject is " + certificate.getSubjectX500Principal().getName());
        }
        Optional<String> purposes = missingPurposes(certificate, spec);
        if (purposes.isPresent()) {
            return purposes;
        }
        return missingSans(certificate, spec);
    }

    private static Optional<String> missingPurposes(X509Certificate certificate, LeafSpec spec) {
        List<String> usages;
        try {
            usages = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return Optional.of("unreadable extended key usage");
        }
        List<String> present = usages == null ? List.of() : usages;
        if (spec.serverAuth() && !present.contains(KeyPurposeId.id_kp_serverAuth.getId())) {
            return Optional.of("lacks the serverAuth key usage");
        }
        if (spec.clientAuth() && !present.contains(KeyPurposeId.id_kp_clientAuth.getId())) {
            return Optional.of("lacks the clientAuth key usage");
        }
        return Optional.empty();
    }

    private static Optional<String> missingSans(X509Certificate certificate, LeafSpec spec) {
        Set<String> dns = new HashSet<>();
        Set<InetAddress> ips = new HashSet<>();
        Collection<List<?>> sans;
        try {
            sans = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return Optional.of("unreadable subject alternative names");
        }
        if (sans != null) {
            for (List<?> san : sans) {
                Object type = san.get(0);
                Object value = san.get(1);
                if (Integer.valueOf(SAN_DNS).equals(type) && value instanceof String name) {
                    dns.add(HostNames.normalizeDns(name));
                } else if (Integer.valueOf(SAN_IP).equals(type) && value instanceof String ip
                        && HostNames.isIpLiteral(ip)) {
                    ips.add(HostNames.parseIp(ip));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        spec.dnsNames().stream().filter(name -> !dns.contains(name)).forEach(missing::add);
        spec.ipAddresses().stream().filter(ip -> !ips.contains(ip)).map(InetAddress::getHostAddress)
                .forEach(missing::add);
        return missing.isEmpty() ? Optional.empty() : Optional.of("SANs lack " + String.join(", ", missing));
    }

    private static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
        List<String> values = new ArrayList<>();
        for (RDN rdn : name.getRDNs(type)) {
            ASN1Encodable value = rdn.getFirst().getValue();
            // getString() gives the raw text; valueToString would add RFC 4514 escapes.
            values.add(value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value));
        }
        return values;
    }
}
