package io.kubesim.certs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The subject alternative names the API server's serving certificate must cover: loopback, the in-cluster names of
 * the {@code kubernetes} service, this machine's host name, the host of the advertised server URL, and any extra
 * names requested. Stateless and thread-safe.
 */
final class ServingNames {

    /** Subject CN of the serving certificate (informational: Go clients match SANs only). */
    static final String COMMON_NAME = "kube-apiserver";

    private static final List<String> ALWAYS = List.of("localhost", "127.0.0.1", "::1", "kubernetes",
            "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local");

    private ServingNames() {
    }

    /** The serving certificate for {@code request} on a machine called {@code hostName} (if known). */
    static LeafSpec spec(PkiRequest request, Optional<String> hostName) {
        List<String> hosts = new ArrayList<>(ALWAYS);
        hostName.ifPresent(hosts::add);
        hosts.add(request.serverHost());
        hosts.addAll(request.extraSans());
        return LeafSpec.server(COMMON_NAME, hosts);
    }

    /**
     * This machine's host name, if it can be determined and is usable as a SAN. Resolving the local host can fail in
     * containers without a matching {@code /etc/hosts} entry; the certificate is then issued without it.
     */
    static Optional<String> localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            boolean usable = name != null && (HostNames.isIpLiteral(name) || HostNames.isDnsName(name));
            return usable ? Optional.of(name) : Optional.empty();
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }
}
