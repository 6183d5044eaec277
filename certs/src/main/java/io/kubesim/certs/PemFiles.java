package io.kubesim.certs;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Reads and writes PEM certificates and private keys. Keys are written as unencrypted PKCS#8
 * ({@code BEGIN PRIVATE KEY}), the form Netty/Vert.x {@code PemKeyCertOptions}, Go and OpenSSL all accept, with
 * owner-only permissions; certificates are written world-readable. Reading also accepts SEC1/PKCS#1 keys
 * ({@code BEGIN EC PRIVATE KEY}, {@code BEGIN RSA PRIVATE KEY}). Every failure is a {@link PkiException} naming the
 * file. Writes are atomic (temporary file, then rename). Stateless and thread-safe.
 */
public final class PemFiles {

    private PemFiles() {
    }

    /** Reads the first certificate of a PEM file. */
    public static X509Certificate readCertificate(Path file) throws PkiException {
        Object object = readFirstObject(file, "certificate");
        if (!(object instanceof X509CertificateHolder holder)) {
            throw PkiException.forFile(file, "expected a PEM CERTIFICATE but found " + describe(object));
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new PkiException(file + ": invalid certificate: " + e.getMessage(), e);
        }
    }

    /** Reads an unencrypted private key (PKCS#8, SEC1 or PKCS#1 PEM). */
    public static PrivateKey readPrivateKey(Path file) throws PkiException {
        Object object = readFirstObject(file, "private key");
        PrivateKeyInfo info;
        if (object instanceof PrivateKeyInfo pkcs8) {
            info = pkcs8;
        } else if (object instanceof PEMKeyPair pair) {
            info = pair.getPrivateKeyInfo();
        } else if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw PkiException.forFile(file, "encrypted private keys are not supported");
        } else {
            throw PkiException.forFile(file, "expected a PEM PRIVATE KEY but found " + describe(object));
        }
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw new PkiException(file + ": invalid private key: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a certificate and its private key and checks that they belong together.
     *
     * @throws PkiException if either file is unreadable or the key does not match the certificate
     */
    public static CertifiedKey readCertifiedKey(Path certificateFile, Path keyFile) throws PkiException {
        X509Certificate certificate = readCertificate(certificateFile);
        PrivateKey key = readPrivateKey(keyFile);
        if (!Keys.matches(key, certificate.getPublicKey())) {
            throw PkiException.forFile(keyFile, "private key does not match certificate " + certificateFile);
        }
        return new CertifiedKey(certificate, key);
    }

    /** Atomically writes a certificate as PEM, readable by everyone (0644). */
    public static void writeCertificate(Path file, X509Certificate certificate) throws PkiException {
        AtomicFiles.write(file, toPem(certificate).getBytes(StandardCharsets.US_ASCII), false);
    }

    /** Atomically writes a private key as PKCS#8 PEM, owner-only (0600) from the moment the file exists. */
    public static void writePrivateKey(Path file, PrivateKey key) throws PkiException {
        AtomicFiles.write(file, toPem(key).getBytes(StandardCharsets.US_ASCII), true);
    }

    /** The PEM text of a certificate. */
    public static String toPem(X509Certificate certificate) {
        return encode(certificate);
    }

    /** The PKCS#8 PEM text ({@code BEGIN PRIVATE KEY}) of a private key. */
    public static String toPem(PrivateKey key) {
        try {
            return encode(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode " + key.getAlgorithm() + " private key as PKCS#8", e);
        }
    }

    /**
     * The "traditional" PEM text of a private key ({@code BEGIN EC PRIVATE KEY} for EC keys,
     * {@code BEGIN RSA PRIVATE KEY} for RSA), used inside kubeconfigs: the Fabric8 client picks the
     * key algorithm from that header and reads EC keys only in this form, and Go accepts it too.
     */
    public static String toTraditionalPem(PrivateKey key) {
        if (!(key instanceof java.security.interfaces.ECPrivateKey ec)) {
            return encode(key);
        }
        // SEC1 with the curve named inside: JCA encodes the inner key without parameters (they live
        // in the PKCS#8 wrapper), and readers of the traditional form need them.
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
        int orderBits = ec.getParams().getOrder().bitLength();
        try {
            org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
                    new org.bouncycastle.asn1.sec.ECPrivateKey(orderBits, ec.getS(), curve);
            return encode(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode EC private key as SEC1", e);
        }
    }

    private static String encode(Object pemObject) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(pemObject);
        } catch (IOException e) {
            // A StringWriter never fails; only an unencodable object can get here.
            throw new UncheckedIOException("cannot encode " + pemObject.getClass().getSimpleName() + " as PEM", e);
        }
        return text.toString();
    }

    private static Object readFirstObject(Path file, String what) throws PkiException {
        String text;
        try {
            // Latin-1 decodes any bytes, so binary junk is reported by the PEM parser, not as a charset error.
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw PkiException.io(file, "read " + what, e);
        }
        try (Reader reader = new StringReader(text); PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (object == null) {
                throw PkiException.forFile(file, "no PEM " + what + " found");
            }
            return object;
        } catch (IOException | RuntimeException e) {
            // PEMParser reports damaged base64 or DER as unchecked DecoderException/IllegalArgumentException too.
            throw new PkiException(file + ": unparseable PEM " + what + ": " + e.getMessage(), e);
        }
    }

    /** Names what the parser found in PEM terms, so the message does not expose parser class names. */
    private static String describe(Object object) {
        if (object instanceof X509CertificateHolder) {
            return "a CERTIFICATE";
        }
        if (object instanceof PrivateKeyInfo || object instanceof PEMKeyPair) {
            return "a PRIVATE KEY";
        }
        return "an unsupported PEM object (" + object.getClass().getSimpleName() + ")";
    }
}
