package io.kubesim.server.registry;

/** The subresources a kind may declare. Each has one generic handler. */
public enum Subresource {
    /** {@code /status}: reads and writes only the status stanza. */
    STATUS("status"),
    /** {@code /scale}: an {@code autoscaling/v1 Scale} view of the replica count. */
    SCALE("scale"),
    /** {@code pods/binding}: assigns a pod to a node. */
    BINDING("binding"),
    /** {@code pods/eviction}: a policy/v1 Eviction, i.e. a delete that respects disruption budgets. */
    EVICTION("eviction"),
    /** {@code pods/log}: container output. */
    LOG("log"),
    /** {@code namespaces/finalize}: writes {@code spec.finalizers} of a namespace. */
    FINALIZE("finalize");

    private final String path;

    Subresource(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Subresource fromPath(String path) {
        for (Subresource s : values()) {
            if (s.path.equals(path)) {
                return s;
            }
        }
        return null;
    }
}
