package io.kubesim.server.table;

import static io.kubesim.server.table.Fixtures.NOW;
import static io.kubesim.server.table.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkloadTablesTest {

    private static final String TEMPLATE = """
              template:
                metadata: {labels: {app: nginx, tier: web}}
                spec:
                  nodeSelector: {kubernetes.io/os: linux, disktype: ssd}
                  containers:
                  - {name: nginx, image: "nginx:1.27"}
                  - {name: log-shipper, image: "fluent/fluent-bit:3.0"}
            """;

    @Test
    void deployment() {
        DeploymentTable table = new DeploymentTable();
        assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly(
                "Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector");
        assertThat(table.columns()).extracting(ColumnDefinition::priority).containsExactly(0, 0, 0, 0, 0, 1, 1, 1);
        // kube-apiserver declares these two "string" although it fills them with numbers.
        assertThat(table.columns().get(2).type()).isEqualTo("string");
        assertThat(table.cells(yaml("""
                metadata: {name: nginx, creationTimestamp: "2025-01-10T11:50:00Z"}
                spec:
                  replicas: 3
                  selector:
                    matchLabels: {app: nginx}
                    matchExpressions: [{key: tier, operator: In, values: [web, edge]}]
                """ + TEMPLATE + """
                status: {replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2}
                """), NOW)).containsExactly("nginx", "2/3", 3L, 2L, "10m", "nginx,log-shipper",
                "nginx:1.27,fluent/fluent-bit:3.0", "app=nginx,tier in (edge,web)");
    }

    @Test
    void newDeploymentWithoutStatusAndWithAnInvalidSelector() {
        DeploymentTable table = new DeploymentTable();
        assertThat(table.cells(yaml("""
                metadata: {name: fresh}
                spec:
                  selector: {matchExpressions: [{key: app, operator: Equals, values: [x]}]}
                  template: {spec: {containers: [{name: c, image: busybox}]}}
                """), NOW)).containsExactly("fresh", "0/1", 0L, 0L, "<unknown>", "c", "busybox", "<invalid>");
        assertThat(table.cells(yaml("metadata: {name: empty}\nspec: {replicas: 0, selector: {}}"), NOW).get(7))
                .isEqualTo("");
    }

    @Test
    void replicaSet() {
        ReplicaSetTable table = new ReplicaSetTable();
        assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly(
                "Name", "Desired", "Current", "Ready", "Age", "Containers", "Images", "Selector");
        assertThat(table.columns()).extracting(ColumnDefinition::type).containsExactly(
                "string", "integer", "integer", "integer", "string", "string", "string", "string");
        assertThat(table.cells(yaml("""
                metadata: {name: nginx-5d8f7c9b6, creationTimestamp: "2025-01-10T11:50:00Z"}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: nginx, pod-template-hash: 5d8f7c9b6}}
                """ + TEMPLATE + """
                status: {replicas: 3, readyReplicas: 1}
                """), NOW)).containsExactly("nginx-5d8f7c9b6", 3L, 3L, 1L, "10m", "nginx,log-shipper",
                "nginx:1.27,fluent/fluent-bit:3.0", "app=nginx,pod-template-hash=5d8f7c9b6");
        assertThat(table.cells(yaml("metadata: {name: rs}\nspec: {replicas: 0}"), NOW).get(7)).isEqualTo("<none>");
    }

    @Test
    void daemonSet() {
        DaemonSetTable table = new DaemonSetTable();
        assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly("Name", "Desired", "Current",
                "Ready", "Up-to-date", "Available", "Node Selector", "Age", "Containers", "Images", "Selector");
        assertThat(table.columns()).extracting(ColumnDefinition::priority)
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1);
        assertThat(table.cells(yaml("""
                metadata: {name: kube-proxy, creationTimestamp: "2025-01-07T12:00:00Z"}
                spec:
                  selector:
                    matchLabels: {k8s-app: kube-proxy}
                    matchExpressions: [{key: legacy, operator: DoesNotExist}]
                """ + TEMPLATE + """
                status:
                  desiredNumberScheduled: 3
                  currentNumberScheduled: 3
                  numberReady: 2
                  updatedNumberScheduled: 3
                  numberAvailable: 2
                """), NOW)).containsExactly("kube-proxy", 3L, 3L, 2L, 3L, 2L, "disktype=ssd,kubernetes.io/os=linux",
                "3d", "nginx,log-shipper", "nginx:1.27,fluent/fluent-bit:3.0", "k8s-app=kube-proxy,!legacy");
        assertThat(table.cells(yaml("metadata: {name: ds}"), NOW).subList(6, 11))
                .containsExactly("<none>", "<unknown>", "", "", "<none>");
    }

    @Test
    void statefulSet() {
        StatefulSetTable table = new StatefulSetTable();
        assertThat(table.columns()).extracting(ColumnDefinition::name)
                .containsExactly("Name", "Ready", "Age", "Containers", "Images");
        assertThat(table.columns()).extracting(ColumnDefinition::priority).containsExactly(0, 0, 0, 1, 1);
        assertThat(table.cells(yaml("""
                metadata: {name: db, creationTimestamp: "2025-01-10T09:00:00Z"}
                spec:
                  replicas: 3
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template: {spec: {containers: [{name: postgres, image: "postgres:17"}]}}
                status: {replicas: 3, readyReplicas: 2}
                """), NOW)).containsExactly("db", "2/3", "3h", "postgres", "postgres:17");
    }
}
