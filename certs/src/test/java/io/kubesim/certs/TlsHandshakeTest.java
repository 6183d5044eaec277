package io.kubesim.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated serving and client certificates work with the JDK's TLS stack (what Vert.x/Netty use): the client
 * verifies the server against the CA including the {@code 127.0.0.1} IP SAN, and the server, requiring a client
 * certificate, sees the admin identity.
 */
class TlsHandshakeTest {

    private static final char[] PASSWORD = "unused".toCharArray();
    private static final int TIMEOUT_MILLIS = 10_000;

    @TempDir
    Path dir;

    private final ExecutorService serverThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopServer() {
        serverThread.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void mutualTlsHandshakeSucceedsAndServerSeesAdmin(String protocol) throws Exception {
        PkiLayout layout = new ClusterPki().ensure(PkiRequest.of(dir)).layout();
        X509Certificate ca = JdkPem.certificate(layout.caCertificate());
        SSLContext serverContext = context(layout.apiserverCertificate(), layout.apiserverKey(), ca);
        SSLContext clientContext = context(layout.certificate(ClientIdentity.admin()),
                layout.key(ClientIdentity.admin()), ca);

        try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setNeedClientAuth(true);
            server.setEnabledProtocols(new String[] {protocol});
            server.setSoTimeout(TIMEOUT_MILLIS);
            CompletableFuture<X509Certificate> seenByServer = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.setSoTimeout(TIMEOUT_MILLIS);
                    socket.startHandshake();
                    try (OutputStream out = socket.getOutputStream()) {
                        out.write(42);
                        out.flush();
                    }
                    return (X509Certificate) socket.getSession().getPeerCertificates()[0];
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, serverThread);

            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory()
                    .createSocket("127.0.0.1", server.getLocalPort())) {
                client.setSoTimeout(TIMEOUT_MILLIS);
                SSLParameters parameters = client.getSSLParameters();
                parameters.setProtocols(new String[] {protocol});
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(parameters);
                client.startHandshake();
                try (InputStream in = client.getInputStream()) {
                    assertThat(in.read()).isEqualTo(42);
                }
                assertThat(client.getSession().getProtocol()).isEqualTo(protocol);
            }

            X509Certificate peer = seenByServer.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            assertThat(JdkPem.subject(peer, "CN")).containsExactly("kubernetes-admin");
            assertThat(JdkPem.subject(peer, "O")).containsExactly("system:masters");
        }
    }

    /** Key and trust material loaded with the JDK alone, the way Netty's PEM options do. */
    private static SSLContext context(Path certificateFile, Path keyFile, X509Certificate ca) throws Exception {
        PrivateKey key = JdkPem.pkcs8Key(keyFile);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("key", key, PASSWORD, new Certificate[] {JdkPem.certificate(certificateFile)});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory trustManagers =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);

        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        assertThat(List.of(context.getSupportedSSLParameters().getProtocols())).contains("TLSv1.3");
        return context;
    }
}
