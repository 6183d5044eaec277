package io.kubesim.server.table;

import static io.kubesim.server.table.Fixtures.NOW;
import static io.kubesim.server.table.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tables of kinds with one or two columns besides NAME and AGE. */
class SimpleTablesTest {

    @Test
    void namespace() {
        NamespaceTable table = new NamespaceTable();
        assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly("Name", "Status", "Age");
        assertThat(table.cells(yaml("""
                metadata: {name: kube-system, creationTimestamp: "2024-11-01T00:00:00Z"}
                status: {phase: Active}
                """), NOW)).containsExactly("kube-system", "Active", "70d");
        assertThat(table.cells(yaml("""
                metadata:
                  name: old
                  creationTimestamp: "2025-01-10T11:59:00Z"
                  deletionTimestamp: "2025-01-10T12:00:00Z"
                status: {phase: Terminating}
                """), NOW)).containsExactly("old", "Terminating", "60s");
    }

    @Test
    void configMapCountsDataAndBinaryData() {
        ConfigMapTable table = new ConfigMapTable();
        assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly("Name", "Data", "Age");
        assertThat(table.cells(yaml("""
                metadata: {name: kube-root-ca.crt, creationTimestamp: "2025-01-10T11:00:00Z"}
                data: {ca.crt: "-----BEGIN CERTIFICATE-----", extra: x}
                binaryData: {blob: AAEC}
                """), NOW)).containsExactly("kube-root-ca.crt", 3L, "60m");
        assertThat(table.cells(yaml("metadata: {name: empty}"), NOW)).containsExactly("empty", 0L, "<unknown>");
    }

    @Test
    void secret() {
        SecretTable table = new SecretTable();
        assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly("Name", "Type", "Data", "Age");
        assertThat(table.cells(yaml("""
                metadata: {name: tls, creationTimestamp: "2025-01-09T12:00:00Z"}
                type: kubernetes.io/tls
                data: {tls.crt: Y2VydA==, tls.key: a2V5}
                """), NOW)).containsExactly("tls", "kubernetes.io/tls", 2L, "24h");
    }

    @Test
    void serviceAccount() {
        ServiceAccountTable table = new ServiceAccountTable();
        assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly("Name", "Secrets", "Age");
        assertThat(table.cells(yaml("""
                metadata: {name: default, creationTimestamp: "2025-01-08T12:00:00Z"}
                """), NOW)).containsExactly("default", 0L, "2d");
        assertThat(table.cells(yaml("""
                metadata: {name: builder}
                secrets: [{name: builder-token}]
                """), NOW).get(1)).isEqualTo(1L);
    }

    @Test
    void lease() {
        LeaseTable table = new LeaseTable();
        assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly("Name", "Holder", "Age");
        assertThat(table.cells(yaml("""
                metadata: {name: kube-controller-manager, namespace: kube-system,
                           creationTimestamp: "2025-01-10T08:30:00Z"}
                spec:
                  holderIdentity: cp-1_6b2c8a1e-3f0d-4b5e-9a51-0c1d2e3f4a5b
                  leaseDurationSeconds: 15
                  renewTime: "2025-01-10T11:59:58.000000Z"
                """), NOW)).containsExactly("kube-controller-manager", "cp-1_6b2c8a1e-3f0d-4b5e-9a51-0c1d2e3f4a5b",
                "3h30m");
        assertThat(table.cells(yaml("metadata: {name: free}"), NOW).get(1)).isEqualTo("");
    }

    @Test
    void defaultTableIsNameAndAge() {
        DefaultTable table = new DefaultTable();
        assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly("Name", "Age");
        assertThat(table.cells(yaml("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w, creationTimestamp: "2025-01-10T11:59:01Z"}
                """), NOW)).containsExactly("w", "59s");
    }
}
