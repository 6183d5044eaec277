package io.kubesim.server.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

import io.kubesim.certs.CertifiedKey;
import io.kubesim.certs.ClientIdentity;
import io.kubesim.certs.PemFiles;
import io.kubesim.certs.PkiException;
import io.kubesim.certs.PkiLayout;
import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The JDK HTTP client against a test server, for what the Fabric8 client hides: the TLS version,
 * ALPN (HTTP/2 or HTTP/1.1), the client certificate (or none), raw headers and bodies, and
 * streaming responses. Immutable and thread-safe, like the JDK client it wraps.
 */
final class ApiHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI base;
    private final HttpClient client;

    private ApiHttp(URI base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /** As the cluster admin, offering {@code version} by ALPN. */
    static ApiHttp admin(TestServer server, HttpClient.Version version) {
        return of(server, version, adminKey(server.server().pki()));
    }

    /** Without a client certificate. */
    static ApiHttp anonymous(TestServer server, HttpClient.Version version) {
        return of(server, version, null);
    }

    /** With {@code clientKey} (null: none), offering only the given TLS protocols (none given: the JDK's). */
    static ApiHttp of(TestServer server, HttpClient.Version version, CertifiedKey clientKey, String... tlsProtocols) {
        SSLContext context = sslContext(server.server().pki().caCertificate(), clientKey);
        // start from the context's defaults: bare SSLParameters (no cipher suites) make the JDK client skip h2
        SSLParameters parameters = context.getDefaultSSLParameters();
        if (tlsProtocols.length > 0) {
            parameters.setProtocols(tlsProtocols);
        }
        HttpClient client = HttpClient.newBuilder()
                .version(version)
                .sslContext(context)
                .sslParameters(parameters)
                .connectTimeout(TIMEOUT)
                .build();
        return new ApiHttp(URI.create(server.url()), client);
    }

    static CertifiedKey adminKey(PkiLayout pki) {
        try {
            return PemFiles.readCertifiedKey(pki.certificate(ClientIdentity.admin()), pki.key(ClientIdentity.admin()));
        } catch (PkiException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Trusts only {@code caCertificate}; presents {@code clientKey} (null: nothing) whenever the
     * server asks, even when the server names other acceptable issuers, so that a certificate from
     * a foreign CA really reaches the server.
     */
    static SSLContext sslContext(Path caCertificate, CertifiedKey clientKey) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("ca", PemFiles.readCertificate(caCertificate));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(clientKey == null ? null : new KeyManager[] {new AlwaysPresent(clientKey)},
                    tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | PkiException | IOException e) {
            throw new IllegalStateException("cannot build the TLS context", e);
        }
    }

    /** A client key manager with one certificate that it offers for every handshake. */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {
        private static final String ALIAS = "client";
        private final CertifiedKey key;

        AlwaysPresent(CertifiedKey key) {
            this.key = key;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return new X509Certificate[] {key.certificate()};
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key.privateKey();
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }

    HttpClient client() {
        return client;
    }

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** A request builder for {@code pathAndQuery} with the default timeout. */
    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT);
    }

    Reply get(String pathAndQuery, String... headerPairs) {
        return send(request(pathAndQuery).headers(headers(headerPairs)).GET());
    }

    Reply post(String pathAndQuery, String contentType, String body) {
        return send(request(pathAndQuery).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers(), r.body(), r.version(), r.sslSession());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a streaming response (a watch); returns as soon as the response headers arrived. */
    EventStream stream(String pathAndQuery, String... headerPairs) {
        return EventStream.open(client, request(pathAndQuery).timeout(Duration.ofMinutes(5))
                .headers(headers(headerPairs)).GET().build());
    }

    private static String[] headers(String... pairs) {
        return pairs.length == 0 ? new String[] {"Accept", "application/json"} : pairs;
    }

    /** A whole response. */
    record Reply(int code, HttpHeaders headers, String body, HttpClient.Version version,
                 Optional<SSLSession> ssl) {

        JsonNode json() {
            return Json.parse(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String tlsProtocol() {
            return ssl.map(SSLSession::getProtocol).orElse(null);
        }
    }
}
