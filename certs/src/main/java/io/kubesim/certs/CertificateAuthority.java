package io.kubesim.certs;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The cluster's certificate authority: a self-signed CA certificate with its key, able to issue leaf certificates
 * (new ECDSA P-256 key, random 128-bit serial, SHA-256 signature) and to tell whether it issued a given certificate.
 * The CA is valid for 10 years, leaves for 1 year (never beyond the CA); both start one hour in the past to tolerate
 * clock skew between machines. Immutable and thread-safe: issuing from several threads at once is fine.
 */
public final class CertificateAuthority {

    /** Subject CN of CAs created here. */
    public static final String DEFAULT_COMMON_NAME = "kubesim-ca";

    static final int CA_VALIDITY_YEARS = 10;
    static final int LEAF_VALIDITY_YEARS = 1;
    static final Duration BACKDATE = Duration.ofHours(1);

    private static final int SERIAL_BITS = 128;

    private final CertifiedKey ca;

    private CertificateAuthority(CertifiedKey ca) {
        this.ca = ca;
    }

    /** Creates a new self-signed CA with a fresh key, valid from {@code now} minus one hour for 10 years. */
    public static CertificateAuthority generate(String commonName, Instant now) {
        KeyPair keys = Keys.generate();
        X500Name subject = subject(commonName, List.of());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, randomSerial(),
                Date.from(now.minus(BACKDATE)), Date.from(plusYears(now, CA_VALIDITY_YEARS)), subject,
                keys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build CA certificate extensions", e);
        }
        X509Certificate certificate = sign(builder, keys.getPrivate());
        return new CertificateAuthority(new CertifiedKey(certificate, keys.getPrivate()));
    }

    /**
     * Loads a CA from PEM files and checks that it can issue certificates at {@code now}.
     *
     * @throws PkiException if a file is missing or unparseable, the key does not match, the certificate is not a CA
     *                      or is outside its validity period
     */
    public static CertificateAuthority load(Path certificateFile, Path keyFile, Instant now) throws PkiException {
        CertifiedKey material = PemFiles.readCertifiedKey(certificateFile, keyFile);
        X509Certificate certificate = material.certificate();
        if (certificate.getBasicConstraints() < 0) {
            throw PkiException.forFile(certificateFile, "not a CA certificate (basicConstraints CA:false)");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !usage[5]) {
            throw PkiException.forFile(certificateFile, "CA certificate lacks the keyCertSign key usage");
        }
        Date at = Date.from(now);
        if (at.after(certificate.getNotAfter()) || at.before(certificate.getNotBefore())) {
            // Silently replacing an expired CA would invalidate every kubeconfig handed out; an operator must decide.
            throw PkiException.forFile(certificateFile, "CA certificate is valid only from "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant()
                    + "; remove it and " + keyFile + " to create a new CA (this invalidates all issued credentials)");
        }
        return new CertificateAuthority(material);
    }

    /**
     * Loads the CA from the two files, or, if neither exists, creates one and writes it there (key 0600, atomically).
     * An existing CA is always kept.
     *
     * @throws PkiException if only one of the files exists, or as {@link #load}
     */
    public static CertificateAuthority loadOrCreate(Path certificateFile, Path keyFile, Instant now)
            throws PkiException {
        boolean haveCertificate = Files.exists(certificateFile);
        boolean haveKey = Files.exists(keyFile);
        if (haveCertificate && haveKey) {
            return load(certificateFile, keyFile, now);
        }
        if (haveCertificate) {
            throw PkiException.forFile(keyFile, "missing; the CA certificate " + certificateFile
                    + " exists, so its key is needed to issue certificates");
        }
        if (haveKey) {
            throw PkiException.forFile(certificateFile, "missing, but the CA key " + keyFile + " exists");
        }
        CertificateAuthority created = generate(DEFAULT_COMMON_NAME, now);
        // Key first: a crash in between leaves a key without certificate, which is reported, never a silent new CA.
        PemFiles.writePrivateKey(keyFile, created.ca.privateKey());
        PemFiles.writeCertificate(certificateFile, created.ca.certificate());
        return created;
    }

    /** The CA certificate, to be trusted by clients and used to verify client certificates. */
    public X509Certificate certificate() {
        return ca.certificate();
    }

    /**
     * Issues a new leaf certificate with a fresh key, valid from {@code now} minus one hour for one year (but not
     * beyond the CA's own expiry).
     */
    public CertifiedKey issue(LeafSpec spec, Instant now) {
        KeyPair keys = Keys.generate();
        X509Certificate caCertificate = ca.certificate();
        Instant notAfter = plusYears(now, LEAF_VALIDITY_YEARS);
        if (notAfter.isAfter(caCertificate.getNotAfter().toInstant())) {
            notAfter = caCertificate.getNotAfter().toInstant();
        }
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()), randomSerial(),
                Date.from(now.minus(BACKDATE)), Date.from(notAfter),
                subject(spec.commonName(), spec.organizations()), keys.getPublic());
        try {
            addLeafExtensions(builder, spec, keys.getPublic());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build certificate extensions for " + spec.commonName(), e);
        }
        return new CertifiedKey(sign(builder, ca.privateKey()), keys.getPrivate());
    }

    /** Whether {@code certificate} names this CA as issuer and carries a valid signature by this CA's key. */
    public boolean isIssuerOf(X509Certificate certificate) {
        X509Certificate caCertificate = ca.certificate();
        if (!certificate.getIssuerX500Principal().equals(caCertificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(caCertificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private void addLeafExtensions(X509v3CertificateBuilder builder, LeafSpec spec, PublicKey publicKey)
            throws CertIOException, GeneralSecurityException {
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        // ECDSA keys only sign; keyEncipherment would only make sense for RSA key transport.
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        List<KeyPurposeId> purposes = new ArrayList<>();
        if (spec.serverAuth()) {
            purposes.add(KeyPurposeId.id_kp_serverAuth);
        }
        if (spec.clientAuth()) {
            purposes.add(KeyPurposeId.id_kp_clientAuth);
        }
        builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(extensions));
        if (spec.hasSans()) {
            List<GeneralName> names = new ArrayList<>();
            spec.dnsNames().forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
            spec.ipAddresses().forEach(ip ->
                    names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ip.getAddress()))));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
        }
    }

    /**
     * Reuses the CA's own subject key identifier when it has one, so chains also build for a CA made elsewhere
     * with a different key-id method.
     */
    private AuthorityKeyIdentifier authorityKeyIdentifier(JcaX509ExtensionUtils extensions) {
        byte[] extension = ca.certificate().getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (extension != null) {
            byte[] keyId = ASN1OctetString.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getOctets();
            return new AuthorityKeyIdentifier(keyId);
        }
        return extensions.createAuthorityKeyIdentifier(ca.certificate().getPublicKey());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(Keys.signatureAlgorithm(signingKey)).build(signingKey)));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot sign certificate", e);
        }
    }

    /** O values before CN, the order kubeadm uses, so subjects read {@code O=system:masters, CN=kubernetes-admin}. */
    private static X500Name subject(String commonName, List<String> organizations) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        organizations.forEach(organization -> name.addRDN(BCStyle.O, organization));
        name.addRDN(BCStyle.CN, commonName);
        return name.build();
    }

    /** A positive, non-zero 128-bit serial, as RFC 5280 asks for unpredictable serials of at most 20 octets. */
    private static BigInteger randomSerial() {
        SecureRandom random = new SecureRandom();
        BigInteger serial;
        do {
            serial = new BigInteger(SERIAL_BITS, random);
        } while (serial.signum() == 0);
        return serial;
    }

    private static Instant plusYears(Instant instant, int years) {
        return instant.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
    }
}
