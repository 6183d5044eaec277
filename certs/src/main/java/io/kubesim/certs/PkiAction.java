package io.kubesim.certs;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link ClusterPki#ensure} did with one certificate/key pair or kubeconfig. Immutable and thread-safe.
 *
 * @param file    the certificate (for a pair) or the kubeconfig
 * @param outcome whether it was created, kept or replaced
 * @param reason  why it was replaced (empty otherwise)
 */
public record PkiAction(Path file, Outcome outcome, String reason) {

    /** The fate of a file during {@link ClusterPki#ensure}. */
    public enum Outcome {
        /** Did not exist and was written. */
        CREATED,
        /** Existed, was valid and left byte-for-byte unchanged. */
        KEPT,
        /** Existed but was reissued or rewritten; {@link PkiAction#reason()} says why. */
        REPLACED
    }

    public PkiAction {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    /** A one-line description for logs and the command line, e.g. {@code replaced /d/pki/apiserver.crt (...)}. */
    public String describe() {
        String verb = outcome.name().toLowerCase(Locale.ROOT);
        return reason.isEmpty() ? verb + " " + file : verb + " " + file + " (" + reason + ")";
    }
}
