package io.kubesim.certs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A kubeconfig with one cluster, one user authenticating by client certificate, and one context joining them, set as
 * current. Certificates and key are embedded ({@code *-data} fields, base64 of the PEM text), so the file is
 * self-contained. Rendering is deterministic: the same inputs give the same bytes, which is what lets a re-run keep an
 * existing kubeconfig untouched. Immutable and thread-safe.
 *
 * @param clusterName   name of the cluster entry, e.g. {@code kubesim}
 * @param server        API server URL
 * @param caCertificate CA that the server's certificate must chain to
 * @param userName      name of the user entry (the client certificate's CN by convention)
 * @param credentials   the user's client certificate and key
 */
public record Kubeconfig(String clusterName, URI server, X509Certificate caCertificate, String userName,
                         CertifiedKey credentials) {

    /** Cluster name used for all kubeconfigs written by {@link ClusterPki}. */
    public static final String CLUSTER_NAME = "kubesim";

    /**
     * Strings that YAML reads back unchanged when printed bare: no spaces, quotes or flow characters, and not ending
     * in a colon (which would start a mapping).
     */
    private static final Pattern PLAIN_SCALAR = Pattern.compile("[A-Za-z]([-A-Za-z0-9._:/@]*[A-Za-z0-9])?");
    private static final Set<String> YAML_KEYWORDS =
            Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

    public Kubeconfig {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(caCertificate, "caCertificate");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** The kubeconfig for {@code identity} in cluster {@value #CLUSTER_NAME}. */
    public static Kubeconfig of(URI server, X509Certificate caCertificate, ClientIdentity identity,
                                CertifiedKey credentials) {
        return new Kubeconfig(CLUSTER_NAME, server, caCertificate, identity.commonName(), credentials);
    }

    /** {@code USER@CLUSTER}, the kubeadm naming style. */
    public String contextName() {
        return userName + "@" + clusterName;
    }

    /** The kubeconfig as YAML text. */
    public String render() {
        String cluster = scalar(clusterName);
        String user = scalar(userName);
        String context = scalar(contextName());
        return "apiVersion: v1\n"
                + "kind: Config\n"
                + "clusters:\n"
                + "- cluster:\n"
                + "    certificate-authority-data: " + base64(PemFiles.toPem(caCertificate)) + "\n"
                + "    server: " + scalar(server.toString()) + "\n"
                + "  name: " + cluster + "\n"
                + "contexts:\n"
                + "- context:\n"
                + "    cluster: " + cluster + "\n"
                + "    user: " + user + "\n"
                + "  name: " + context + "\n"
                + "current-context: " + context + "\n"
                + "preferences: {}\n"
                + "users:\n"
                + "- name: " + user + "\n"
                + "  user:\n"
                + "    client-certificate-data: " + base64(PemFiles.toPem(credentials.certificate())) + "\n"
                + "    client-key-data: " + base64(PemFiles.toTraditionalPem(credentials.privateKey())) + "\n";
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "Kubeconfig[" + contextName() + " -> " + server + "]";
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    /** Bare when unambiguous (the usual case), otherwise a double-quoted YAML string. */
    private static String scalar(String value) {
        if (PLAIN_SCALAR.matcher(value).matches() && !YAML_KEYWORDS.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format("\\x%02x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
