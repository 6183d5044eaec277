package io.kubesim.server.table;

import static io.kubesim.server.table.Fixtures.NOW;
import static io.kubesim.server.table.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceTableTest {

    private final ServiceTable table = new ServiceTable();

    @Test
    void columnsMatchKubeApiserver() {
        assertThat(table.columns()).extracting(ColumnDefinition::name)
                .containsExactly("Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector");
        assertThat(table.columns()).extracting(ColumnDefinition::priority).containsExactly(0, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void nodePortService() {
        assertThat(table.cells(yaml("""
                metadata: {name: web, creationTimestamp: "2025-01-10T11:55:00Z"}
                spec:
                  type: NodePort
                  clusterIP: 10.96.12.34
                  clusterIPs: [10.96.12.34]
                  selector: {app: nginx, tier: web}
                  ports:
                  - {name: http, port: 80, targetPort: 8080, nodePort: 30080, protocol: TCP}
                  - {name: dns, port: 53, nodePort: 30053, protocol: UDP}
                """), NOW)).containsExactly("web", "NodePort", "10.96.12.34", "<none>", "80:30080/TCP,53:30053/UDP",
                "5m", "app=nginx,tier=web");
    }

    @Test
    void headlessServiceWithoutPortsOrSelector() {
        assertThat(table.cells(yaml("""
                metadata: {name: db, creationTimestamp: "2025-01-10T11:55:00Z"}
                spec: {type: ClusterIP, clusterIP: None, clusterIPs: [None]}
                """), NOW)).containsExactly("db", "ClusterIP", "None", "<none>", "<none>", "5m", "<none>");
    }

    @Test
    void clusterIpServiceWithExternalIps() {
        assertThat(table.cells(yaml("""
                metadata: {name: kubernetes}
                spec: {clusterIP: 10.96.0.1, externalIPs: [192.0.2.1, 192.0.2.2], ports: [{port: 443}]}
                """), NOW).subList(1, 5)).containsExactly("ClusterIP", "10.96.0.1", "192.0.2.1,192.0.2.2", "443/TCP");
    }

    @Test
    void loadBalancerPendingAndProvisioned() {
        assertThat(table.cells(yaml("""
                metadata: {name: lb}
                spec: {type: LoadBalancer, clusterIPs: [10.96.1.1], ports: [{port: 80, nodePort: 31000, protocol: TCP}]}
                """), NOW).get(3)).isEqualTo("<pending>");
        assertThat(table.cells(yaml("""
                metadata: {name: lb}
                spec: {type: LoadBalancer, clusterIPs: [10.96.1.1], externalIPs: [192.0.2.9]}
                status:
                  loadBalancer:
                    ingress: [{ip: 198.51.100.20}, {hostname: lb.example.com}, {ip: 198.51.100.3}, {ip: 198.51.100.20}]
                """), NOW).get(3)).isEqualTo("198.51.100.20,198.51.100.3,lb.example.com,192.0.2.9");
    }

    @Test
    void externalNameService() {
        assertThat(table.cells(yaml("""
                metadata: {name: ext}
                spec: {type: ExternalName, externalName: db.example.com}
                """), NOW).subList(1, 5)).containsExactly("ExternalName", "<none>", "db.example.com", "<none>");
    }
}
