package io.kubesim.certs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the PKI files of a data directory live: certificates and keys in {@code DIR/pki/}, kubeconfigs in
 * {@code DIR/} itself (so scripts can point at {@code DIR/admin.kubeconfig}). Pure path arithmetic, no I/O.
 * Immutable and thread-safe.
 *
 * @param dataDir the data directory
 */
public record PkiLayout(Path dataDir) {

    public PkiLayout {
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** {@code DIR/pki}. */
    public Path pkiDir() {
        return dataDir.resolve("pki");
    }

    /** The CA certificate: the trust anchor for clients and the CA that verifies client certificates. */
    public Path caCertificate() {
        return pkiDir().resolve("ca.crt");
    }

    /** The CA private key (0600). */
    public Path caKey() {
        return pkiDir().resolve("ca.key");
    }

    /** The API server's serving certificate. */
    public Path apiserverCertificate() {
        return pkiDir().resolve("apiserver.crt");
    }

    /** The API server's serving key (PKCS#8 PEM, 0600). */
    public Path apiserverKey() {
        return pkiDir().resolve("apiserver.key");
    }

    /** {@code DIR/pki/STEM.crt}. */
    public Path certificate(ClientIdentity identity) {
        return pkiDir().resolve(identity.fileStem() + ".crt");
    }

    /** {@code DIR/pki/STEM.key} (0600). */
    public Path key(ClientIdentity identity) {
        return pkiDir().resolve(identity.fileStem() + ".key");
    }

    /** {@code DIR/STEM.kubeconfig} (0600, it embeds the client key). */
    public Path kubeconfig(ClientIdentity identity) {
        return dataDir.resolve(identity.fileStem() + ".kubeconfig");
    }

    /** {@code DIR/admin.kubeconfig}. */
    public Path adminKubeconfig() {
        return kubeconfig(ClientIdentity.admin());
    }

    /** Serialises concurrent runs (another process, or a script racing the server) on the same directory. */
    Path lockFile() {
        return pkiDir().resolve(".lock");
    }
}
