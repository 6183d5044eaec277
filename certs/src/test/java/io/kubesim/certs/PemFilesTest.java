package io.kubesim.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {

    @TempDir
    Path dir;

    private final CertificateAuthority ca = CertificateAuthority.generate("test-ca", Instant.now());

    @Test
    void roundTripsCertificateAndPkcs8Key() throws Exception {
        CertifiedKey leaf = ca.issue(ClientIdentity.admin().leafSpec(), Instant.now());
        Path certificate = dir.resolve("a.crt");
        Path key = dir.resolve("sub/a.key");

        PemFiles.writeCertificate(certificate, leaf.certificate());
        PemFiles.writePrivateKey(key, leaf.privateKey());

        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certificate))).isEqualTo("rw-r--r--");
        CertifiedKey read = PemFiles.readCertifiedKey(certificate, key);
        assertThat(read.certificate()).isEqualTo(leaf.certificate());
        assertThat(read.privateKey().getEncoded()).isEqualTo(leaf.privateKey().getEncoded());
        assertThat(JdkPem.pkcs8Key(key).getEncoded()).isEqualTo(leaf.privateKey().getEncoded());
    }

    /** A throwaway key made by {@code openssl ecparam -name prime256v1 -genkey -noout}, with its public key. */
    private static final String OPENSSL_SEC1_KEY = """
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIFnFOLSw2VqwNz+fe3C0Q97MpCRS/ZucAhVCcrLfc8nIoAoGCCqGSM49
            AwEHoUQDQgAEGnz5zQLi353baz080ev9K1o/cdFoLoj7T/kse+wN7jzLgNc7wtXn
            e0A8QnHSzbFlG3harrWHHuT3eyiLHxhL4Q==
            -----END EC PRIVATE KEY-----
            """;
    private static final String OPENSSL_PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEGnz5zQLi353baz080ev9K1o/cdFo"
            + "Loj7T/kse+wN7jzLgNc7wtXne0A8QnHSzbFlG3harrWHHuT3eyiLHxhL4Q==";

    @Test
    void readsOpenSslSec1EcKeys() throws Exception {
        Path key = Files.writeString(dir.resolve("sec1.key"), OPENSSL_SEC1_KEY);
        PublicKey publicKey = KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(OPENSSL_PUBLIC_KEY)));

        PrivateKey read = PemFiles.readPrivateKey(key);

        assertThat(read.getAlgorithm()).isEqualTo("EC");
        assertThat(Keys.matches(read, publicKey)).isTrue();
        assertThat(PemFiles.toPem(read)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void rewritingAKeyKeepsItOwnerOnly() throws Exception {
        Path key = dir.resolve("x.key");
        Files.writeString(key, "old");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        PemFiles.writePrivateKey(key, ca.issue(ClientIdentity.admin().leafSpec(), Instant.now()).privateKey());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void missingAndEmptyFilesNameTheFile() throws Exception {
        Path missing = dir.resolve("missing.crt");
        assertThatThrownBy(() -> PemFiles.readCertificate(missing))
                .isInstanceOf(PkiException.class)
                .hasMessageStartingWith(missing + ": cannot read certificate: NoSuchFileException");

        Path empty = Files.writeString(dir.resolve("empty.key"), "");
        assertThatThrownBy(() -> PemFiles.readPrivateKey(empty))
                .isInstanceOf(PkiException.class)
                .hasMessage(empty + ": no PEM private key found");
    }

    @Test
    void encryptedKeysAreRejectedClearly() throws Exception {
        Path key = Files.writeString(dir.resolve("enc.key"), """
                -----BEGIN EC PRIVATE KEY-----
                Proc-Type: 4,ENCRYPTED
                DEK-Info: AES-128-CBC,3F17F5316E2BAC89AE2BF7C2F1A0E7D0

                AAAA
                -----END EC PRIVATE KEY-----
                """);

        assertThatThrownBy(() -> PemFiles.readPrivateKey(key))
                .isInstanceOf(PkiException.class)
                .hasMessage(key + ": encrypted private keys are not supported");
    }
}
