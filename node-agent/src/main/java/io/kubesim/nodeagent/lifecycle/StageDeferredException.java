package io.kubesim.nodeagent.lifecycle;

/**
 * A stage that cannot be applied yet because something it needs is not there (a pod IP before
 * the node has a pod CIDR). The player keeps the stage pending and tries again later.
 */
public class StageDeferredException extends RuntimeException {

    public StageDeferredException(String message) {
        super(message);
    }
}
