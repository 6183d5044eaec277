package io.kubesim.server.table;

import static io.kubesim.server.table.Fixtures.NOW;
import static io.kubesim.server.table.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointsTableTest {

    private final EndpointsTable table = new EndpointsTable();

    private static String format(String subsets) {
        return EndpointsTable.format(yaml("metadata: {name: e}\nsubsets: " + subsets));
    }

    @Test
    void row() {
        assertThat(table.cells(yaml("""
                metadata: {name: kube-controller-manager, creationTimestamp: "2025-01-10T11:00:00Z"}
                subsets: [{addresses: [{ip: 10.0.0.1}], ports: [{name: https, port: 10257, protocol: TCP}]}]
                """), NOW)).containsExactly("kube-controller-manager", "10.0.0.1:10257", "60m");
    }

    @Test
    void noSubsetsIsNone() {
        assertThat(table.cells(yaml("metadata: {name: e}"), NOW).get(1)).isEqualTo("<none>");
        assertThat(format("[]")).isEqualTo("<none>");
    }

    @Test
    void showsThreeAndCountsTheRest() {
        assertThat(format("""
                [{addresses: [{ip: 10.0.0.1}, {ip: 10.0.0.2}, {ip: 10.0.0.3}, {ip: 10.0.0.4}, {ip: 10.0.0.5}],
                  ports: [{port: 80}]}]""")).isEqualTo("10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...");
        assertThat(format("[{addresses: [{ip: 10.0.0.1}, {ip: 10.0.0.2}, {ip: 10.0.0.3}], ports: [{port: 80}]}]"))
                .isEqualTo("10.0.0.1:80,10.0.0.2:80,10.0.0.3:80");
    }

    @Test
    void everyAddressWithEveryPortOfItsSubset() {
        assertThat(format("""
                [{addresses: [{ip: 10.0.0.1}, {ip: 10.0.0.2}],
                  ports: [{name: http, port: 80}, {name: https, port: 443}]},
                 {addresses: [{ip: 10.0.1.1}], ports: [{port: 9090}]}]"""))
                .isEqualTo("10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 2 more...");
    }

    @Test
    void subsetsWithoutPortsListBareIpsAndNotReadyAddressesAreLeftOut() {
        assertThat(format("[{addresses: [{ip: 10.0.0.1}], notReadyAddresses: [{ip: 10.0.0.9}]}]"))
                .isEqualTo("10.0.0.1");
        assertThat(format("[{notReadyAddresses: [{ip: 10.0.0.9}], ports: [{port: 80}]}]")).isEmpty();
    }

    @Test
    void ipv6AddressesAreBracketed() {
        assertThat(format("[{addresses: [{ip: \"fd00::1\"}], ports: [{port: 443}]}]")).isEqualTo("[fd00::1]:443");
    }
}
