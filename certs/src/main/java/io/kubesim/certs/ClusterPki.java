package io.kubesim.certs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Does the whole {@code gen-certs} job for a data directory: makes sure the CA, the API server's serving certificate,
 * the client certificates of the admin, controller manager, scheduler and requested nodes, and one kubeconfig per
 * client exist and are valid, and returns where they are.
 *
 * <p>Existing material is reused so handed-out kubeconfigs keep working: the CA is always kept; a leaf is kept while
 * it is signed by the CA, valid for at least 30 more days and matches the request (identity, key purposes, SANs),
 * and is otherwise reissued with a new key; a kubeconfig is rewritten only when its content would change (new server
 * URL or reissued client certificate). A re-run with the same request changes no byte on disk.
 *
 * <p>Every write is atomic and private keys and kubeconfigs are owner-only from creation. Between writing a
 * reissued leaf's key and its certificate a crash would leave a mismatched pair; that is reported as an error on
 * the next run (delete the pair to recover), never silently used.
 *
 * <p>Thread-safety: instances are immutable and may be shared. Calls for different directories run in parallel;
 * calls for the same directory are serialised across processes by a lock file ({@code pki/.lock}), while a second
 * concurrent call in the same JVM fails with a {@link PkiException}. Key generation makes this a blocking call:
 * run it on a worker thread, not an event loop.
 */
public final class ClusterPki {

    private final Clock clock;

    /** Uses the system clock. */
    public ClusterPki() {
        this(Clock.systemUTC());
    }

    /** Uses {@code clock} to decide validity periods and expiry (tests move it forward to exercise rotation). */
    public ClusterPki(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates or refreshes all PKI material for {@code request}.
     *
     * @throws PkiException if a file is corrupt or inconsistent (unparseable PEM, key not matching its certificate,
     *                      CA key or certificate missing while the other exists, unusable CA) or cannot be written;
     *                      the message names the file
     */
    public PkiResult ensure(PkiRequest request) throws PkiException {
        Instant now = clock.instant();
        PkiLayout layout = new PkiLayout(request.dataDir());
        List<PkiAction> actions = new ArrayList<>();
        DirectoryLock lock = DirectoryLock.acquire(layout.lockFile());
        try {
            boolean caExisted = Files.exists(layout.caCertificate());
            CertificateAuthority ca = CertificateAuthority.loadOrCreate(layout.caCertificate(), layout.caKey(), now);
            AtomicFiles.restrictToOwner(layout.caKey());
            actions.add(new PkiAction(layout.caCertificate(),
                    caExisted ? PkiAction.Outcome.KEPT : PkiAction.Outcome.CREATED, ""));

            LeafSpec serving = ServingNames.spec(request, ServingNames.localHostName());
            ensureLeaf(ca, serving, layout.apiserverCertificate(), layout.apiserverKey(), now, actions);

            for (ClientIdentity identity : identities(request)) {
                CertifiedKey credentials =
                        ensureLeaf(ca, identity.leafSpec(), layout.certificate(identity), layout.key(identity), now,
                                actions);
                Kubeconfig kubeconfig = Kubeconfig.of(request.server(), ca.certificate(), identity, credentials);
                ensureKubeconfig(layout.kubeconfig(identity), kubeconfig, actions);
            }
        } finally {
            lock.release();
        }
        return new PkiResult(layout, actions);
    }

    /** Admin, controller manager, scheduler, then the nodes in request order. */
    static List<ClientIdentity> identities(PkiRequest request) {
        List<ClientIdentity> identities = new ArrayList<>(List.of(
                ClientIdentity.admin(), ClientIdentity.controllerManager(), ClientIdentity.scheduler()));
        request.nodeNames().forEach(node -> identities.add(ClientIdentity.node(node)));
        return identities;
    }

    private static CertifiedKey ensureLeaf(CertificateAuthority ca, LeafSpec spec, Path certificateFile,
                                           Path keyFile, Instant now, List<PkiAction> actions) throws PkiException {
        boolean haveCertificate = Files.exists(certificateFile);
        boolean haveKey = Files.exists(keyFile);
        String reason;
        if (haveCertificate && haveKey) {
            CertifiedKey existing = PemFiles.readCertifiedKey(certificateFile, keyFile);
            Optional<String> reissue = LeafCheck.reissueReason(existing.certificate(), spec, ca, now);
            if (reissue.isEmpty()) {
                AtomicFiles.restrictToOwner(keyFile);
                actions.add(new PkiAction(certificateFile, PkiAction.Outcome.KEPT, ""));
                return existing;
            }
            reason = reissue.get();
        } else if (haveCertificate || haveKey) {
            reason = (haveCertificate ? keyFile : certificateFile).getFileName() + " was missing";
        } else {
            reason = null;
        }
        CertifiedKey issued = ca.issue(spec, now);
        PemFiles.writePrivateKey(keyFile, issued.privateKey());
        PemFiles.writeCertificate(certificateFile, issued.certificate());
        actions.add(reason == null
                ? new PkiAction(certificateFile, PkiAction.Outcome.CREATED, "")
                : new PkiAction(certificateFile, PkiAction.Outcome.REPLACED, reason));
        return issued;
    }

    private static void ensureKubeconfig(Path file, Kubeconfig kubeconfig, List<PkiAction> actions)
            throws PkiException {
        byte[] content = kubeconfig.render().getBytes(StandardCharsets.UTF_8);
        if (!Files.exists(file)) {
            AtomicFiles.write(file, content, true);
            actions.add(new PkiAction(file, PkiAction.Outcome.CREATED, ""));
        } else if (Arrays.equals(content, readAll(file))) {
            AtomicFiles.restrictToOwner(file);
            actions.add(new PkiAction(file, PkiAction.Outcome.KEPT, ""));
        } else {
            AtomicFiles.write(file, content, true);
            actions.add(new PkiAction(file, PkiAction.Outcome.REPLACED, "server URL or credentials changed"));
        }
    }

    private static byte[] readAll(Path file) throws PkiException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw PkiException.io(file, "read", e);
        }
    }
}
