package io.kubesim.certs;

import java.util.List;
import java.util.Objects;

/**
 * A user of the API server that authenticates with a client certificate: its subject (CN = user name, O = groups)
 * and the stem of its file names ({@code pki/STEM.crt}, {@code pki/STEM.key}, {@code STEM.kubeconfig}).
 * Immutable and thread-safe.
 *
 * @param fileStem      base name of this identity's files
 * @param commonName    user name (certificate CN)
 * @param organizations groups (certificate O values)
 */
public record ClientIdentity(String fileStem, String commonName, List<String> organizations) {

    public ClientIdentity {
        Objects.requireNonNull(fileStem, "fileStem");
        Objects.requireNonNull(commonName, "commonName");
        if (!HostNames.isNodeName(fileStem)) {
            throw new IllegalArgumentException("file stem must be a lower-case DNS subdomain: " + fileStem);
        }
        organizations = List.copyOf(organizations);
    }

    /** The cluster administrator: {@code kubernetes-admin} in group {@code system:masters}. */
    public static ClientIdentity admin() {
        return new ClientIdentity("admin", "kubernetes-admin", List.of("system:masters"));
    }

    /** The controller manager: {@code system:kube-controller-manager}. */
    public static ClientIdentity controllerManager() {
        return new ClientIdentity("controller-manager", "system:kube-controller-manager", List.of());
    }

    /** The scheduler: {@code system:kube-scheduler}. */
    public static ClientIdentity scheduler() {
        return new ClientIdentity("scheduler", "system:kube-scheduler", List.of());
    }

    /**
     * A node's kubelet: {@code system:node:NAME} in group {@code system:nodes}, files named {@code node-NAME}.
     *
     * @throws IllegalArgumentException if {@code nodeName} is not a lower-case DNS subdomain
     */
    public static ClientIdentity node(String nodeName) {
        if (!HostNames.isNodeName(nodeName)) {
            throw new IllegalArgumentException("invalid node name (must be a lower-case DNS subdomain): " + nodeName);
        }
        return new ClientIdentity("node-" + nodeName, "system:node:" + nodeName, List.of("system:nodes"));
    }

    /** What this identity's client certificate must contain. */
    public LeafSpec leafSpec() {
        return LeafSpec.client(commonName, organizations);
    }
}
