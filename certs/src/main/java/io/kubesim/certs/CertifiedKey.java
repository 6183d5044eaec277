package io.kubesim.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A certificate together with the private key that belongs to it. Instances are created only after the key has been
 * checked against the certificate (or generated for it), so the pair is consistent. Immutable and thread-safe.
 *
 * @param certificate the X.509 certificate
 * @param privateKey  the private key matching the certificate's public key
 */
public record CertifiedKey(X509Certificate certificate, PrivateKey privateKey) {

    public CertifiedKey {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Never prints key material: records would otherwise include the key in log lines. */
    @Override
    public String toString() {
        return "CertifiedKey[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
