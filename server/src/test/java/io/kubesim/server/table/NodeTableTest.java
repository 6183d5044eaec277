package io.kubesim.server.table;

import static io.kubesim.server.table.Fixtures.NOW;
import static io.kubesim.server.table.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeTableTest {

    private final NodeTable table = new NodeTable();

    @Test
    void columnsMatchKubeApiserver() {
        assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly("Name", "Status", "Roles",
                "Age", "Version", "Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime");
        assertThat(table.columns()).extracting(ColumnDefinition::priority)
                .containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
    }

    @Test
    void cordonedReadyControlPlaneNode() {
        assertThat(table.cells(yaml("""
                metadata:
                  name: cp-1
                  creationTimestamp: "2024-12-31T12:00:00Z"
                  labels: {node-role.kubernetes.io/control-plane: "", kubernetes.io/hostname: cp-1}
                spec:
                  unschedulable: true
                  taints: [{key: node.kubernetes.io/unschedulable, effect: NoSchedule}]
                status:
                  conditions:
                  - {type: MemoryPressure, status: "False"}
                  - {type: Ready, status: "True", reason: KubeletReady}
                  addresses:
                  - {type: InternalIP, address: 10.0.0.10}
                  - {type: Hostname, address: cp-1}
                  nodeInfo:
                    kubeletVersion: v1.32.4
                    osImage: Ubuntu 22.04.4 LTS
                    kernelVersion: 6.5.0-1020-gcp
                    containerRuntimeVersion: containerd://1.7.13
                """), NOW)).containsExactly("cp-1", "Ready,SchedulingDisabled", "control-plane", "10d", "v1.32.4",
                "10.0.0.10", "<none>", "Ubuntu 22.04.4 LTS", "6.5.0-1020-gcp", "containerd://1.7.13");
    }

    @Test
    void notReadyWorkerWithSeveralRoles() {
        assertThat(table.cells(yaml("""
                metadata:
                  name: w-1
                  creationTimestamp: "2025-01-10T09:00:00Z"
                  labels:
                    kubernetes.io/role: worker
                    node-role.kubernetes.io/ingress: ""
                    node-role.kubernetes.io/: ""
                status:
                  conditions: [{type: Ready, status: Unknown, reason: NodeStatusUnknown}]
                  addresses: [{type: ExternalIP, address: 203.0.113.7}, {type: InternalIP, address: 10.0.0.11}]
                  nodeInfo: {kubeletVersion: v1.32.4}
                """), NOW)).containsExactly("w-1", "NotReady", "ingress,worker", "3h", "v1.32.4",
                "10.0.0.11", "203.0.113.7", "<unknown>", "<unknown>", "<unknown>");
    }

    @Test
    void nodeWithoutConditionsOrRoles() {
        assertThat(table.cells(yaml("metadata: {name: bare}"), NOW)).containsExactly("bare", "Unknown", "<none>",
                "<unknown>", "", "<none>", "<none>", "<unknown>", "<unknown>", "<unknown>");
    }
}
