package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.node;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class NodeStrategyTest {

    private final NodeStrategy strategy = new NodeStrategy();

    private ObjectNode node1() {
        ObjectNode node = yaml("""
                metadata: {name: node-1}
                spec: {podCIDR: 10.244.1.0/24}
                status: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}}
                """);
        strategy.applyDefaults(node);
        strategy.prepareForCreate(node);
        return node;
    }

    @Test
    void defaults() {
        ObjectNode node = node1();
        assertThat(node.at("/spec/podCIDRs")).isEqualTo(node("[10.244.1.0/24]"));
        assertThat(node.at("/status/allocatable")).isEqualTo(node.at("/status/capacity"));
        assertThat(node.at("/status/daemonEndpoints")).isEqualTo(yaml("{kubeletEndpoint: {Port: 0}}"));
        assertThat(node.at("/status/nodeInfo/kubeletVersion").asString()).isEmpty();
        assertThat(strategy.validate(node)).isEmpty();
    }

    @Test
    void taintsAndResources() {
        ObjectNode node = node1();
        ((ObjectNode) node.get("spec")).set("taints", node("""
                - {key: dedicated, value: gpu, effect: NoSchedule}
                - {key: dedicated, value: other, effect: NoSchedule}
                - {key: x, effect: Sometimes}
                """));
        ((ObjectNode) node.at("/status/capacity")).put("cpu", "-1");
        assertThat(messages(strategy.validate(node))).containsExactly(
                "metadata.taints[1]: Duplicate value: core.Taint{Key:\"dedicated\", Value:\"other\", Effect:\"NoSchedule\", "
                        + "TimeAdded:<nil>}: taints must be unique by key and effect pair",
                "metadata.taints[2].effect: Unsupported value: \"Sometimes\": supported values: \"NoSchedule\", "
                        + "\"PreferNoSchedule\", \"NoExecute\"",
                "status.capacity.cpu: Invalid value: \"-1\": must be greater than or equal to 0");
    }

    @Test
    void podCidrIsImmutableOnceSet() {
        ObjectNode old = node1();
        ObjectNode cordoned = old.deepCopy();
        ((ObjectNode) cordoned.get("spec")).put("unschedulable", true);
        assertThat(strategy.validateUpdate(cordoned, old)).isEmpty();
        ObjectNode moved = old.deepCopy();
        ((ObjectNode) moved.get("spec")).put("podCIDR", "10.244.2.0/24").putArray("podCIDRs").add("10.244.2.0/24");
        assertThat(messages(strategy.validateUpdate(moved, old))).containsExactly(
                "spec.podCIDRs: Forbidden: node updates may not change podCIDR except from \"\" to valid");
        ObjectNode unset = yaml("metadata: {name: node-1}\nspec: {}");
        ObjectNode assigned = yaml("metadata: {name: node-1}\nspec: {podCIDR: 10.244.3.0/24}");
        strategy.applyDefaults(assigned);
        assertThat(strategy.validateUpdate(assigned, unset)).isEmpty();
        assertThat(strategy.gracePeriodSeconds(old, 30L)).isEmpty();
    }
}
