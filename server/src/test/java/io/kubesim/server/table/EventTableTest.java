package io.kubesim.server.table;

import static io.kubesim.server.table.Fixtures.NOW;
import static io.kubesim.server.table.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTableTest {

    private final EventTable table = new EventTable();

    @Test
    void columnsInUpstreamOrderWithoutLeadingName() {
        assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly("Last Seen", "Type",
                "Reason", "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name");
        assertThat(table.columns()).extracting(ColumnDefinition::priority)
                .containsExactly(0, 0, 0, 0, 1, 1, 0, 1, 1, 1);
        assertThat(table.columns()).extracting(ColumnDefinition::format)
                .containsExactly("", "", "", "", "", "", "", "", "", "name");
    }

    @Test
    void repeatedCoreEvent() {
        assertThat(table.cells(yaml("""
                metadata: {name: web-1.181a2b3c4d5e6f70, namespace: default}
                involvedObject: {kind: Pod, namespace: default, name: web-1, fieldPath: "spec.containers{web}"}
                reason: BackOff
                message: "Back-off restarting failed container web in pod web-1_default\\n"
                source: {component: kubelet, host: node-1}
                firstTimestamp: "2025-01-10T11:50:00Z"
                lastTimestamp: "2025-01-10T11:58:00Z"
                count: 3
                type: Warning
                """), NOW)).containsExactly("2m", "Warning", "BackOff", "pod/web-1", "spec.containers{web}",
                "kubelet, node-1", "Back-off restarting failed container web in pod web-1_default", "10m", 3L,
                "web-1.181a2b3c4d5e6f70");
    }

    @Test
    void newStyleEventWithSeries() {
        assertThat(table.cells(yaml("""
                metadata: {name: web-2.1}
                involvedObject: {kind: Pod, name: web-2}
                reason: FailedScheduling
                message: "0/3 nodes are available."
                type: Warning
                eventTime: "2025-01-10T11:30:00.000000Z"
                series: {count: 4, lastObservedTime: "2025-01-10T11:59:00.500000Z"}
                reportingComponent: default-scheduler
                reportingController: default-scheduler
                reportingInstance: default-scheduler-cp-1
                source: {}
                """), NOW)).containsExactly("59s", "Warning", "FailedScheduling", "pod/web-2", "",
                "default-scheduler, default-scheduler-cp-1", "0/3 nodes are available.", "30m", 4L, "web-2.1");
    }

    @Test
    void singletonNewStyleEventCountsOnce() {
        assertThat(table.cells(yaml("""
                metadata: {name: n.1}
                involvedObject: {kind: Node, name: ""}
                reason: RegisteredNode
                type: Normal
                eventTime: "2025-01-10T11:00:00.000000Z"
                reportingController: node-controller
                """), NOW)).containsExactly("60m", "Normal", "RegisteredNode", "node", "", "node-controller", "",
                "60m", 1L, "n.1");
    }

    @Test
    void eventWithoutAnyTimestamp() {
        assertThat(table.cells(yaml("metadata: {name: e}"), NOW).subList(0, 4))
                .containsExactly("<unknown>", "", "", "");
    }
}
