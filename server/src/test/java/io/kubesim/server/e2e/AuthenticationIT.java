package io.kubesim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import javax.net.ssl.SSLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kubesim.certs.CertificateAuthority;
import io.kubesim.certs.CertifiedKey;
import io.kubesim.certs.ClientIdentity;
import io.kubesim.certs.PemFiles;
import io.kubesim.certs.PkiLayout;
import tools.jackson.databind.JsonNode;

/**
 * Client-certificate authentication at the edge: requests without a certificate get a 401 Status
 * (except the health and version endpoints), kubectl without credentials prints its login error,
 * and only certificates issued by the cluster CA are accepted.
 */
class AuthenticationIT {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/namespaces", "/api", "/apis/apps/v1/deployments", "/metrics", "/openapi/v3",
            "/no/such/path"})
    void requestWithoutClientCertificateIsUnauthorized(String path) {
        ApiHttp.Reply reply = ApiHttp.anonymous(server, HttpClient.Version.HTTP_2).get(path);
        assertThat(reply.code()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        JsonNode status = reply.json();
        assertThat(status.path("kind").asString()).isEqualTo("Status");
        assertThat(status.path("apiVersion").asString()).isEqualTo("v1");
        assertThat(status.path("status").asString()).isEqualTo("Failure");
        assertThat(status.path("reason").asString()).isEqualTo("Unauthorized");
        assertThat(status.path("message").asString()).isEqualTo("Unauthorized");
        assertThat(status.path("code").asInt()).isEqualTo(401);
    }

    @Test
    void writesWithoutClientCertificateAreUnauthorizedAndChangeNothing() {
        ApiHttp anonymous = ApiHttp.anonymous(server, HttpClient.Version.HTTP_1_1);
        ApiHttp.Reply reply = anonymous.post("/api/v1/namespaces/default/configmaps", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"sneaky\"}}");
        assertThat(reply.code()).isEqualTo(401);
        assertThat(ApiHttp.admin(server, HttpClient.Version.HTTP_2).get("/api/v1/namespaces/default/configmaps/sneaky")
                .code()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/version", "/healthz", "/livez", "/readyz"})
    void healthAndVersionAnswerWithoutCertificate(String path) {
        ApiHttp.Reply reply = ApiHttp.anonymous(server, HttpClient.Version.HTTP_2).get(path);
        assertThat(reply.code()).isEqualTo(200);
        if (path.equals("/version")) {
            assertThat(reply.json().path("major").asString()).isEqualTo("1");
            assertThat(reply.json().path("minor").asString()).isEqualTo("32");
        } else {
            assertThat(reply.body()).isEqualTo("ok");
        }
    }

    @Test
    void anyIdentityIssuedByTheClusterCaIsAccepted() throws Exception {
        PkiLayout pki = server.server().pki();
        ClientIdentity scheduler = ClientIdentity.scheduler();
        CertifiedKey key = PemFiles.readCertifiedKey(pki.certificate(scheduler), pki.key(scheduler));
        ApiHttp.Reply reply = ApiHttp.of(server, HttpClient.Version.HTTP_2, key).get("/api/v1/namespaces");
        assertThat(reply.code()).isEqualTo(200);
    }

    @Test
    void certificateFromAnotherCaIsRejectedByTheTlsLayer() {
        Instant now = Instant.now();
        CertifiedKey forged = CertificateAuthority.generate("intruder-ca", now)
                .issue(ClientIdentity.admin().leafSpec(), now);
        ApiHttp intruder = ApiHttp.of(server, HttpClient.Version.HTTP_2, forged);
        // the CN says kubernetes-admin, but the chain does not lead to the cluster CA: a certificate
        // that is requested (not required) but presented must still verify, so the handshake fails
        Throwable failure = catchThrowable(() -> intruder.get("/api/v1/namespaces"));
        assertThat(failure).isInstanceOf(UncheckedIOException.class).hasRootCauseInstanceOf(SSLException.class);
    }

    @Test
    void kubectlWithoutValidCredentialsMustLogIn() throws IOException {
        // kubectl prompts on stdin for a user that has no credentials at all, so "nobody" carries a
        // token the server does not know: to the server, that request has no credentials either
        Path kubeconfig = Files.createTempFile(server.dataDir(), "two-users", ".kubeconfig");
        PkiLayout pki = server.server().pki();
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: kubesim
                  cluster:
                    server: %s
                    certificate-authority: %s
                users:
                - name: admin
                  user:
                    client-certificate: %s
                    client-key: %s
                - name: nobody
                  user:
                    token: not-a-known-token
                contexts:
                - name: admin
                  context:
                    cluster: kubesim
                    user: admin
                - name: nobody
                  context:
                    cluster: kubesim
                    user: nobody
                current-context: nobody
                """.formatted(server.url(), pki.caCertificate(), pki.certificate(ClientIdentity.admin()),
                pki.key(ClientIdentity.admin())));
        Kubectl kubectl = new Kubectl(kubeconfig);
        try {
            // cold discovery cache: client-go reads discovery bodies raw and words the 401 itself
            Kubectl.Result cold = kubectl.run("get", "pods");
            assertThat(cold.exitCode()).isEqualTo(1);
            assertThat(cold.stderr()).contains("error: You must be logged in to the server (the server has asked "
                    + "for the client to provide credentials)");

            kubectl.run("--context", "admin", "get", "pods").assertOk();
            // warm cache: the list itself gets the 401, and kubectl prints the Status message
            Kubectl.Result warm = kubectl.run("get", "pods");
            assertThat(warm.exitCode()).isEqualTo(1);
            assertThat(warm.stderr()).contains("error: You must be logged in to the server (Unauthorized)");
        } finally {
            kubectl.cleanUp();
        }
    }
}
