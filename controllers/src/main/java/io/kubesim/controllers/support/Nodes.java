package io.kubesim.controllers.support;

import java.util.Optional;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;

/** Node state as controllers read it. Stateless. */
public final class Nodes {

    public static final String READY = "Ready";

    private Nodes() {
    }

    public static Optional<NodeCondition> condition(Node node, String type) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return node.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** The Ready condition's status: {@code True}, {@code False}, {@code Unknown}, or "" when absent. */
    public static String readyStatus(Node node) {
        return condition(node, READY).map(NodeCondition::getStatus).orElse("");
    }

    public static boolean isReady(Node node) {
        return "True".equals(readyStatus(node));
    }
}
