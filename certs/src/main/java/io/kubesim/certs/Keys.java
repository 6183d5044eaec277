package io.kubesim.certs;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * Key generation and key checks. All operations use the JDK's own providers (SunEC, SunRsaSign), so the keys are
 * directly usable by JSSE and Bouncy Castle never has to be installed as a JCA provider. Stateless and thread-safe.
 */
final class Keys {

    private static final String EC_CURVE = "secp256r1";

    private Keys() {
    }

    /** A fresh ECDSA P-256 key pair. */
    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(EC_CURVE), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime ships SunEC with P-256; its absence is a broken installation, not an input error.
            throw new IllegalStateException("JDK cannot generate " + EC_CURVE + " keys", e);
        }
    }

    /**
     * The signature algorithm to sign certificates with the given key. RSA is accepted so that a CA supplied by an
     * operator (for example made with OpenSSL defaults) can still issue certificates.
     *
     * @throws IllegalArgumentException for any other key type
     */
    static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
        };
    }

    /**
     * Whether the private key belongs to the public key. Checked by signing a random challenge rather than by
     * comparing encodings, because a PKCS#8 EC key need not carry its public point.
     */
    static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        try {
            String algorithm = signatureAlgorithm(privateKey);
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Keys on different curves or of unsupported types cannot be a pair.
            return false;
        }
    }
}
