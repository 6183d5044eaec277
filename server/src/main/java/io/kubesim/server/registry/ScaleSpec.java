package io.kubesim.server.registry;

/**
 * Where a scalable kind keeps its replica counts, as JSON pointers ({@code /spec/replicas}), and
 * where its label selector is ({@code /spec/selector}, a LabelSelector object).
 */
public record ScaleSpec(String specReplicas, String statusReplicas, String selector) {

    /** The layout every apps/v1 workload uses. */
    public static final ScaleSpec APPS = new ScaleSpec("/spec/replicas", "/status/replicas", "/spec/selector");
}
