package io.kubesim.server.table;

/**
 * One {@code meta.k8s.io/v1 TableRowCondition}; kube-apiserver marks finished pods with
 * {@code type: Completed}.
 */
public record RowCondition(String type, String status, String reason, String message) {

    /** The condition kube-apiserver puts on rows of pods that are done, for {@code reason} Succeeded or Failed. */
    public static RowCondition completed(String reason, String message) {
        return new RowCondition("Completed", "True", reason, message);
    }
}
