package io.kubesim.certs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.bouncycastle.util.IPAddress;

/**
 * Classifies and validates the names that go into certificates: IP literals, DNS names and node names. Never performs
 * a DNS lookup. Stateless and thread-safe.
 */
final class HostNames {

    /** One DNS label (letters, digits, inner hyphens), at most 63 characters. */
    private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    /** A Kubernetes node name: a lower-case RFC 1123 subdomain. */
    private static final Pattern NODE_NAME =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private static final int MAX_NAME_LENGTH = 253;

    private HostNames() {
    }

    /** Whether the text is an IPv4 or IPv6 literal (without brackets, zone or prefix length). */
    static boolean isIpLiteral(String text) {
        return IPAddress.isValid(text);
    }

    /** Parses an IP literal; never resolves a name. */
    static InetAddress parseIp(String literal) {
        if (!isIpLiteral(literal)) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            // Unreachable: getByName does not look up literals, and the literal was validated above.
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    /**
     * Whether the text is a DNS name usable as a certificate SAN: dot-separated labels, optionally starting with a
     * {@code *} wildcard label.
     */
    static boolean isDnsName(String text) {
        if (text.isEmpty() || text.length() > MAX_NAME_LENGTH) {
            return false;
        }
        String[] labels = text.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            boolean wildcard = i == 0 && labels.length > 1 && labels[i].equals("*");
            if (!wildcard && !DNS_LABEL.matcher(labels[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text is a valid Kubernetes node name (it also becomes part of file names). */
    static boolean isNodeName(String text) {
        return text.length() <= MAX_NAME_LENGTH && NODE_NAME.matcher(text).matches();
    }

    /** DNS names compare case-insensitively; certificates store them in lower case. */
    static String normalizeDns(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
