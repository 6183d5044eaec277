package io.kubesim.certs;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link ClusterPki#ensure}: where the files are, and what was done to each. Immutable and thread-safe.
 *
 * @param layout  paths of all PKI files in the data directory
 * @param actions one entry per certificate/key pair and kubeconfig, in the order they were handled
 */
public record PkiResult(PkiLayout layout, List<PkiAction> actions) {

    public PkiResult {
        Objects.requireNonNull(layout, "layout");
        actions = List.copyOf(actions);
    }

    /** What happened to {@code file} (a certificate or kubeconfig path from the layout), if it was handled. */
    public Optional<PkiAction.Outcome> outcome(Path file) {
        return actions.stream().filter(action -> action.file().equals(file)).map(PkiAction::outcome).findFirst();
    }
}
