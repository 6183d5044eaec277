package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class LeaseStrategyTest {

    private final LeaseStrategy strategy = new LeaseStrategy();

    @Test
    void validHeartbeat() {
        ObjectNode lease = yaml("""
                metadata: {name: node-1, namespace: kube-node-lease}
                spec: {holderIdentity: node-1, leaseDurationSeconds: 40, renewTime: "2024-05-01T10:00:00.000000Z"}
                """);
        strategy.applyDefaults(lease);
        assertThat(strategy.validate(lease)).isEmpty();
        assertThat(strategy.gracePeriodSeconds(lease, 10L)).isEmpty();
        ObjectNode bare = yaml("metadata: {name: x, namespace: default}");
        strategy.applyDefaults(bare);
        assertThat(bare.get("spec")).isEqualTo(yaml("{}"));
    }

    @Test
    void invalidDurations() {
        ObjectNode lease = yaml("""
                metadata: {name: l, namespace: default}
                spec: {leaseDurationSeconds: 0, leaseTransitions: -1, preferredHolder: a}
                """);
        assertThat(messages(strategy.validateUpdate(lease, lease))).containsExactly(
                "spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0",
                "spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0",
                "spec.preferredHolder: Forbidden: may only be specified if `strategy` is defined");
    }
}
