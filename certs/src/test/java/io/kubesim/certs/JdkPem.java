package io.kubesim.certs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Reads the generated files with the JDK alone, so tests check the on-disk format rather than our own parser.
 */
final class JdkPem {

    private JdkPem() {
    }

    static X509Certificate certificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static X509Certificate certificate(byte[] pem) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem));
    }

    /** Parses {@code BEGIN PRIVATE KEY} (PKCS#8) the way Netty does: strip armour, base64, KeyFactory. */
    static PrivateKey pkcs8Key(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file);
        if (!pem.startsWith("-----BEGIN PRIVATE KEY-----\n") || !pem.endsWith("-----END PRIVATE KEY-----\n")) {
            throw new IllegalStateException("not PKCS#8 PEM: " + file);
        }
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    /** Values of one RDN type (e.g. "CN", "O") of the certificate's subject. */
    static List<String> subject(X509Certificate certificate, String type) throws InvalidNameException {
        List<String> values = new ArrayList<>();
        for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
            if (rdn.getType().toUpperCase(Locale.ROOT).equals(type)) {
                values.add(rdn.getValue().toString());
            }
        }
        return values;
    }
}
