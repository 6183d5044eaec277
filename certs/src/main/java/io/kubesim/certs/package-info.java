/**
 * PKI for the cluster: a CA, the API server's serving certificate, client certificates and kubeconfigs.
 *
 * <p>Entry points: {@link io.kubesim.certs.ClusterPki#ensure} does the whole job for a data directory and returns a
 * {@link io.kubesim.certs.PkiResult} whose {@link io.kubesim.certs.PkiLayout} names every file (the server needs
 * {@code caCertificate()}, {@code apiserverCertificate()} and {@code apiserverKey()});
 * {@link io.kubesim.certs.GenCertsMain} is the same as a command. The building blocks
 * ({@link io.kubesim.certs.CertificateAuthority}, {@link io.kubesim.certs.PemFiles},
 * {@link io.kubesim.certs.Kubeconfig}) are public for tests and tools that need a single piece.
 *
 * <p>Bouncy Castle is used only to build and parse X.509 structures and PEM; every cryptographic operation (key
 * generation, signing, verification, key decoding) runs on the JDK's own providers. The BC provider is therefore
 * never registered, so it can neither become the JSSE default nor change which provider TLS code picks.
 */
package io.kubesim.certs;
