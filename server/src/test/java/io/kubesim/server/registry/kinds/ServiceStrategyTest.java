package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.node;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.validation.NameRule;
import tools.jackson.databind.node.ObjectNode;

class ServiceStrategyTest {

    private final InMemoryClusterIpAllocator ips = new InMemoryClusterIpAllocator("10.96.0.0/24");
    private final InMemoryNodePortAllocator ports = new InMemoryNodePortAllocator(30000, 30010);
    private final ServiceStrategy strategy = new ServiceStrategy(ips, ports);

    private ObjectNode create(String yaml) {
        ObjectNode svc = yaml(yaml);
        strategy.applyDefaults(svc);
        strategy.prepareForCreate(svc);
        return svc;
    }

    private ObjectNode update(ObjectNode svc, ObjectNode old) {
        strategy.applyDefaults(svc);
        strategy.prepareForUpdate(svc, old);
        return svc;
    }

    @Test
    void clusterIpServiceGetsDefaultsAndAnAddress() {
        ObjectNode svc = create("""
                metadata: {name: web, namespace: default, uid: u1}
                spec:
                  selector: {app: web}
                  ports: [{port: 80}]
                """);
        String ip = svc.at("/spec/clusterIP").asString();
        assertThat(ips.isAllocated(ip)).isTrue();
        assertThat(svc.get("spec")).isEqualTo(yaml("""
                selector: {app: web}
                ports: [{port: 80, protocol: TCP, targetPort: 80}]
                sessionAffinity: None
                type: ClusterIP
                internalTrafficPolicy: Cluster
                clusterIP: %s
                clusterIPs: [%s]
                ipFamilyPolicy: SingleStack
                ipFamilies: [IPv4]
                """.formatted(ip, ip)));
        assertThat(svc.get("status")).isEqualTo(yaml("{loadBalancer: {}}"));
        assertThat(strategy.validate(svc)).isEmpty();
        assertThat(strategy.nameRule()).isEqualTo(NameRule.DNS1035_LABEL);
        assertThat(NameRule.of(strategy)).isEqualTo(NameRule.DNS1035_LABEL);
    }

    @Test
    void requestedAddressIsReservedAndNotGivenTwice() {
        ObjectNode first = create("""
                metadata: {name: dns, namespace: kube-system, uid: u1}
                spec: {clusterIP: 10.96.0.10, ports: [{name: dns, port: 53, protocol: UDP}]}
                """);
        assertThat(first.at("/spec/clusterIPs")).isEqualTo(node("[10.96.0.10]"));
        assertThatThrownBy(() -> create("""
                metadata: {name: other, namespace: default, uid: u2}
                spec: {clusterIP: 10.96.0.10, ports: [{port: 53}]}
                """)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.Invalid);
                    assertThat(e.getMessage()).isEqualTo("Service \"other\" is invalid: spec.clusterIPs: Invalid value: "
                            + "[]string{\"10.96.0.10\"}: failed to allocate IP 10.96.0.10: provided IP is already allocated");
                });
        assertThatThrownBy(() -> create("""
                metadata: {name: far, namespace: default, uid: u3}
                spec: {clusterIP: 10.0.0.1, ports: [{port: 53}]}
                """)).hasMessageContaining("the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/24");
    }

    @Test
    void headlessServicesGetNoAddress() {
        ObjectNode withSelector = create("""
                metadata: {name: db, namespace: default, uid: u1}
                spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
                """);
        assertThat(withSelector.at("/spec/clusterIPs")).isEqualTo(node("[None]"));
        assertThat(withSelector.at("/spec/ipFamilyPolicy").asString()).isEqualTo("SingleStack");
        ObjectNode selectorless = create("""
                metadata: {name: ext, namespace: default, uid: u2}
                spec: {clusterIP: None, ports: [{port: 80}]}
                """);
        assertThat(selectorless.at("/spec/ipFamilyPolicy").asString()).isEqualTo("RequireDualStack");
        assertThat(selectorless.at("/spec/ipFamilies")).isEqualTo(node("[IPv4, IPv6]"));
        assertThat(strategy.validate(selectorless)).isEmpty();
    }

    @Test
    void nodePortsAreAllocatedAndKeptOnUpdate() {
        ObjectNode svc = create("""
                metadata: {name: web, namespace: default, uid: u1}
                spec: {type: NodePort, ports: [{name: http, port: 80}, {name: https, port: 443, nodePort: 30005}]}
                """);
        long http = svc.at("/spec/ports/0/nodePort").asLong();
        assertThat(http).isBetween(30000L, 30010L).isNotEqualTo(30005L);
        assertThat(svc.at("/spec/externalTrafficPolicy").asString()).isEqualTo("Cluster");
        assertThat(strategy.validate(svc)).isEmpty();

        ObjectNode resubmitted = update(yaml("""
                metadata: {name: web, namespace: default, uid: u1}
                spec: {type: NodePort, ports: [{name: http, port: 80}, {name: https, port: 443, nodePort: 30005}]}
                """), svc);
        assertThat(resubmitted.at("/spec/ports/0/nodePort").asLong()).isEqualTo(http);
        assertThat(resubmitted.at("/spec/clusterIP")).isEqualTo(svc.at("/spec/clusterIP"));
        assertThat(strategy.validateUpdate(resubmitted, svc)).isEmpty();

        ObjectNode toClusterIp = update(yaml("""
                metadata: {name: web, namespace: default, uid: u1}
                spec: {type: ClusterIP, ports: [{name: http, port: 80}, {name: https, port: 443}]}
                """), svc);
        assertThat(toClusterIp.at("/spec/ports/0/nodePort").isMissingNode()).isTrue();
        strategy.release(svc, toClusterIp);
        assertThat(ports.isAllocated((int) http)).isFalse();
        assertThat(ports.isAllocated(30005)).isFalse();
        assertThat(ips.isAllocated(svc.at("/spec/clusterIP").asString())).isTrue();
    }

    @Test
    void clusterIpIsImmutable() {
        ObjectNode old = create("""
                metadata: {name: web, namespace: default, uid: u1}
                spec: {ports: [{port: 80}]}
                """);
        ObjectNode changed = old.deepCopy();
        ((ObjectNode) changed.get("spec")).put("clusterIP", "10.96.0.200").putArray("clusterIPs").add("10.96.0.200");
        assertThat(messages(strategy.validateUpdate(changed, old))).containsExactly(
                "spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.200\"}: may not change once set");
    }

    @Test
    void validationMessages() {
        ObjectNode svc = create("""
                metadata: {name: web, namespace: default, uid: u1}
                spec:
                  type: Magic
                  ports: [{port: 80, nodePort: 30001}, {port: 80, name: b}]
                """);
        assertThat(messages(strategy.validate(svc))).containsExactly(
                "spec.ports[0].name: Required value",
                "spec.type: Unsupported value: \"Magic\": supported values: \"ClusterIP\", \"ExternalName\", "
                        + "\"LoadBalancer\", \"NodePort\"",
                "spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\", AppProtocol:(*string)(nil), "
                        + "Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}");
        ObjectNode noPorts = create("metadata: {name: web, namespace: default, uid: u2}\nspec: {}");
        assertThat(messages(strategy.validate(noPorts))).containsExactly("spec.ports: Required value");
        ObjectNode external = create("metadata: {name: ext, namespace: default, uid: u3}\nspec: {type: ExternalName}");
        assertThat(messages(strategy.validate(external))).containsExactly("spec.externalName: Required value");
        assertThat(external.at("/spec/clusterIP").isMissingNode()).isTrue();
    }

    @Test
    void failedAllocationsAreRolledBackAndReleaseIsOwnerSafe() {
        InMemoryNodePortAllocator tiny = new InMemoryNodePortAllocator(30000, 30000);
        ServiceStrategy s = new ServiceStrategy(ips, tiny);
        ObjectNode svc = yaml("""
                metadata: {name: web, namespace: default, uid: u1}
                spec: {type: NodePort, ports: [{name: a, port: 80}, {name: b, port: 81}]}
                """);
        s.applyDefaults(svc);
        assertThatThrownBy(() -> s.prepareForCreate(svc)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).isEqualTo("Internal error occurred: failed to allocate a nodePort: range is full"));
        assertThat(tiny.isAllocated(30000)).isFalse();
        assertThat(ips.isAllocated(svc.at("/spec/clusterIP").asString())).isFalse();

        ObjectNode owner = create("""
                metadata: {name: dns, namespace: kube-system, uid: owner}
                spec: {clusterIP: 10.96.0.10, ports: [{port: 53}]}
                """);
        ObjectNode intruder = yaml("""
                metadata: {name: x, namespace: default, uid: intruder}
                spec: {clusterIP: 10.96.0.10, clusterIPs: [10.96.0.10], ports: [{port: 53}]}
                """);
        strategy.release(intruder, null);
        assertThat(ips.isAllocated("10.96.0.10")).isTrue();
        strategy.release(owner, null);
        assertThat(ips.isAllocated("10.96.0.10")).isFalse();
        assertThat(ServiceStrategy.held(owner)).isEqualTo(new ServiceStrategy.Held(List.of("10.96.0.10"), List.of()));
    }

    @Test
    void loadBalancerLocalGetsHealthCheckPort() {
        ObjectNode svc = create("""
                metadata: {name: lb, namespace: default, uid: u1}
                spec: {type: LoadBalancer, externalTrafficPolicy: Local, ports: [{port: 80}]}
                """);
        assertThat(svc.at("/spec/allocateLoadBalancerNodePorts").asBoolean()).isTrue();
        assertThat(svc.at("/spec/healthCheckNodePort").asInt()).isBetween(30000, 30010);
        assertThat(strategy.validate(svc)).isEmpty();
    }
}
