package io.kubesim.certs;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link ClusterPki#ensure} should produce. Validated on construction, so an invalid request never touches the
 * file system. Immutable and thread-safe.
 *
 * @param dataDir   the data directory; PKI files go to {@code dataDir/pki}, kubeconfigs to {@code dataDir}
 * @param server    the API server URL written into the kubeconfigs ({@code https} with a host); its host is also
 *                  added to the serving certificate's SANs
 * @param extraSans additional serving-certificate SANs: IP literals or DNS names (duplicates removed)
 * @param nodeNames nodes that get a client certificate and kubeconfig (lower-case DNS subdomains, duplicates removed)
 */
public record PkiRequest(Path dataDir, URI server, List<String> extraSans, List<String> nodeNames) {

    /** The server URL used when none is given. */
    public static final URI DEFAULT_SERVER = URI.create("https://127.0.0.1:6443");

    public PkiRequest {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(server, "server");
        if (!"https".equalsIgnoreCase(server.getScheme()) || server.getHost() == null) {
            throw new IllegalArgumentException("server must be an https:// URL with a host: " + server);
        }
        String host = unbracket(server.getHost());
        if (!HostNames.isIpLiteral(host) && !HostNames.isDnsName(host)) {
            throw new IllegalArgumentException("server host is not an IP address or DNS name: " + server);
        }
        extraSans = distinct(extraSans);
        for (String san : extraSans) {
            if (!HostNames.isIpLiteral(san) && !HostNames.isDnsName(san)) {
                throw new IllegalArgumentException("not an IP address or DNS name: " + san);
            }
        }
        nodeNames = distinct(nodeNames);
        for (String node : nodeNames) {
            if (!HostNames.isNodeName(node)) {
                throw new IllegalArgumentException("invalid node name (must be a lower-case DNS subdomain): " + node);
            }
        }
    }

    /** A request for {@code dataDir} with the default server URL, no extra SANs and no nodes. */
    public static PkiRequest of(Path dataDir) {
        return new PkiRequest(dataDir, DEFAULT_SERVER, List.of(), List.of());
    }

    /** This request with another server URL. */
    public PkiRequest withServer(URI newServer) {
        return new PkiRequest(dataDir, newServer, extraSans, nodeNames);
    }

    /** This request with the given extra serving-certificate SANs (replacing the current ones). */
    public PkiRequest withExtraSans(List<String> sans) {
        return new PkiRequest(dataDir, server, sans, nodeNames);
    }

    /** This request with the given node names (replacing the current ones). */
    public PkiRequest withNodes(List<String> nodes) {
        return new PkiRequest(dataDir, server, extraSans, nodes);
    }

    /** The server URL's host without IPv6 brackets. */
    String serverHost() {
        return unbracket(server.getHost());
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static List<String> distinct(List<String> values) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            String trimmed = Objects.requireNonNull(value, "list element").trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("empty value in list " + values);
            }
            result.add(trimmed);
        }
        return List.copyOf(result);
    }
}
