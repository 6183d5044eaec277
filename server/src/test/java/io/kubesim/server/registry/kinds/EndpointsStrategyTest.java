package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class EndpointsStrategyTest {

    private final EndpointsStrategy strategy = new EndpointsStrategy();

    @Test
    void defaultsAndValidSubsets() {
        ObjectNode ep = yaml("""
                metadata: {name: web, namespace: default}
                subsets:
                - addresses: [{ip: 10.244.0.5, nodeName: node-1}]
                  ports: [{port: 80}]
                """);
        strategy.applyDefaults(ep);
        assertThat(ep.at("/subsets/0/ports/0/protocol").asString()).isEqualTo("TCP");
        assertThat(strategy.validate(ep)).isEmpty();
    }

    @Test
    void rejectsUnusableAddresses() {
        ObjectNode ep = yaml("""
                metadata: {name: web, namespace: default}
                subsets:
                - ports: [{port: 80, protocol: TCP}]
                - addresses: [{ip: 127.0.0.1}, {ip: nope}]
                  ports: [{port: 80, protocol: TCP}, {port: 0, protocol: TCP, name: b}]
                """);
        assertThat(messages(strategy.validateUpdate(ep, ep))).containsExactly(
                "subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`",
                "subsets[1].addresses[0].ip: Invalid value: \"127.0.0.1\": may not be in the loopback range (127.0.0.0/8, ::1/128)",
                "subsets[1].addresses[1].ip: Invalid value: \"nope\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
                "subsets[1].addresses[1].ip: Invalid value: \"nope\": must be a valid IP address",
                "subsets[1].ports[0].name: Required value",
                "subsets[1].ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive");
    }
}
