package io.kubesim.server.table;

import static io.kubesim.server.table.Fixtures.NOW;
import static io.kubesim.server.table.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PodTableTest {

    private final PodTable table = new PodTable();

    /** NAME, READY, STATUS, RESTARTS of the printed row. */
    private List<Object> summary(String podYaml) {
        return table.cells(yaml(podYaml), NOW).subList(0, 4);
    }

    @Test
    void columnsMatchKubeApiserver() {
        assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly(
                "Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates");
        assertThat(table.columns()).extracting(ColumnDefinition::priority).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1);
        assertThat(table.columns()).allMatch(c -> c.type().equals("string"));
        assertThat(table.columns().get(0).format()).isEqualTo("name");
    }

    @Test
    void runningPodWithOneRestart() {
        JsonNode pod = yaml("""
                metadata: {name: web-1, namespace: default, creationTimestamp: "2025-01-10T10:00:00Z"}
                spec:
                  nodeName: node-1
                  containers: [{name: web, image: nginx}]
                status:
                  phase: Running
                  podIP: 10.244.1.5
                  podIPs: [{ip: 10.244.1.5}]
                  conditions:
                  - {type: Initialized, status: "True"}
                  - {type: Ready, status: "True"}
                  containerStatuses:
                  - name: web
                    ready: true
                    started: true
                    restartCount: 1
                    state: {running: {startedAt: "2025-01-10T11:55:01Z"}}
                    lastState: {terminated: {exitCode: 137, reason: Error, finishedAt: "2025-01-10T11:55:00Z"}}
                """);
        assertThat(table.cells(pod, NOW)).containsExactly(
                "web-1", "1/1", "Running", "1 (5m ago)", "120m", "10.244.1.5", "node-1", "<none>", "<none>");
        assertThat(table.conditions(pod)).isEmpty();
    }

    @Test
    void pendingPodStillCreatingItsContainer() {
        JsonNode pod = yaml("""
                metadata: {name: web-2, creationTimestamp: "2025-01-10T11:59:30Z"}
                spec: {nodeName: node-2, containers: [{name: web, image: nginx}]}
                status:
                  phase: Pending
                  containerStatuses:
                  - {name: web, ready: false, restartCount: 0, state: {waiting: {reason: ContainerCreating}}}
                """);
        assertThat(table.cells(pod, NOW)).containsExactly(
                "web-2", "0/1", "ContainerCreating", "0", "30s", "<none>", "node-2", "<none>", "<none>");
    }

    @Test
    void unscheduledPodShowsItsPhaseAndNoNode() {
        assertThat(table.cells(yaml("""
                metadata: {name: p, creationTimestamp: "2025-01-10T11:00:00Z"}
                spec: {containers: [{name: a}, {name: b}]}
                status: {phase: Pending}
                """), NOW)).containsExactly("p", "0/2", "Pending", "0", "60m", "<none>", "<none>", "<none>", "<none>");
    }

    @Test
    void imagePullProblemsShowTheWaitingReason() {
        assertThat(summary(waitingPod("ErrImagePull"))).containsExactly("p", "0/1", "ErrImagePull", "0");
        assertThat(summary(waitingPod("ImagePullBackOff"))).containsExactly("p", "0/1", "ImagePullBackOff", "0");
    }

    private static String waitingPod(String reason) {
        return """
                metadata: {name: p}
                spec: {containers: [{name: c}]}
                status:
                  phase: Pending
                  containerStatuses: [{name: c, ready: false, restartCount: 0, state: {waiting: {reason: %s}}}]
                """.formatted(reason);
    }

    @Test
    void crashLoopShowsRestartsWithTheLastTerminationTime() {
        assertThat(summary("""
                metadata: {name: p}
                spec: {containers: [{name: c}]}
                status:
                  phase: Running
                  containerStatuses:
                  - name: c
                    ready: false
                    restartCount: 5
                    state: {waiting: {reason: CrashLoopBackOff, message: back-off 2m40s}}
                    lastState: {terminated: {exitCode: 1, reason: Error, finishedAt: "2025-01-10T11:59:30Z"}}
                """)).containsExactly("p", "0/1", "CrashLoopBackOff", "5 (30s ago)");
    }

    @Test
    void completedPodIsMarkedCompleted() {
        JsonNode pod = yaml("""
                metadata: {name: job-abc}
                spec: {containers: [{name: c}]}
                status:
                  phase: Succeeded
                  containerStatuses:
                  - name: c
                    ready: false
                    restartCount: 0
                    state: {terminated: {exitCode: 0, reason: Completed, finishedAt: "2025-01-10T11:00:00Z"}}
                """);
        assertThat(table.cells(pod, NOW).subList(0, 4)).containsExactly("job-abc", "0/1", "Completed", "0");
        assertThat(table.conditions(pod)).containsExactly(
                new RowCondition("Completed", "True", "Succeeded", "The pod has completed successfully."));
    }

    @Test
    void failedPodCarriesAFailedCondition() {
        JsonNode pod = yaml("""
                metadata: {name: p}
                spec: {containers: [{name: c}]}
                status:
                  phase: Failed
                  containerStatuses: [{name: c, restartCount: 0, state: {terminated: {exitCode: 2}}}]
                """);
        assertThat(table.cells(pod, NOW).get(2)).isEqualTo("ExitCode:2");
        assertThat(table.conditions(pod))
                .containsExactly(new RowCondition("Completed", "True", "Failed", "The pod failed."));
    }

    @Test
    void terminatedWithoutReasonShowsSignalOrExitCode() {
        assertThat(summary(terminatedPod("{exitCode: 143, signal: 15}"))).containsExactly("p", "0/1", "Signal:15", "0");
        assertThat(summary(terminatedPod("{exitCode: 3}"))).containsExactly("p", "0/1", "ExitCode:3", "0");
        assertThat(summary(terminatedPod("{exitCode: 137, reason: OOMKilled}")))
                .containsExactly("p", "0/1", "OOMKilled", "0");
    }

    private static String terminatedPod(String terminated) {
        return """
                metadata: {name: p}
                spec: {containers: [{name: c}]}
                status:
                  phase: Running
                  containerStatuses: [{name: c, ready: false, restartCount: 0, state: {terminated: %s}}]
                """.formatted(terminated);
    }

    @Test
    void completedContainerNextToARunningOneShowsRunningOrNotReady() {
        String pod = """
                metadata: {name: p}
                spec: {containers: [{name: app}, {name: setup}]}
                status:
                  phase: Running
                  conditions: [{type: Ready, status: "%s"}]
                  containerStatuses:
                  - {name: app, ready: true, restartCount: 0, state: {running: {}}}
                  - {name: setup, ready: false, restartCount: 0, state: {terminated: {exitCode: 0, reason: Completed}}}
                """;
        assertThat(summary(pod.formatted("True"))).containsExactly("p", "1/2", "Running", "0");
        assertThat(summary(pod.formatted("False"))).containsExactly("p", "1/2", "NotReady", "0");
    }

    @Test
    void terminatingPods() {
        String pod = """
                metadata: {name: p, deletionTimestamp: "2025-01-10T11:59:00Z"}
                spec: {containers: [{name: c}]}
                status:
                  phase: %s
                  reason: %s
                  containerStatuses: [{name: c, ready: true, restartCount: 0, state: {running: {}}}]
                """;
        assertThat(summary(pod.formatted("Running", "\"\""))).containsExactly("p", "1/1", "Terminating", "0");
        assertThat(summary(pod.formatted("Running", "NodeLost"))).containsExactly("p", "1/1", "Unknown", "0");
        // A pod that already finished is not shown as Terminating.
        assertThat(summary(pod.formatted("Succeeded", "\"\"")).get(2)).isEqualTo("Succeeded");
    }

    @Test
    void podStatusReasonReplacesThePhase() {
        assertThat(summary("""
                metadata: {name: p}
                spec: {containers: [{name: c}]}
                status: {phase: Failed, reason: Evicted, message: "The node was low on resource: memory."}
                """)).containsExactly("p", "0/1", "Evicted", "0");
    }

    @Test
    void schedulingGatedPod() {
        assertThat(summary("""
                metadata: {name: p}
                spec: {schedulingGates: [{name: example.com/gate}], containers: [{name: c}]}
                status:
                  phase: Pending
                  conditions: [{type: PodScheduled, status: "False", reason: SchedulingGated}]
                """)).containsExactly("p", "0/1", "SchedulingGated", "0");
    }

    @Test
    void initContainerStillRunning() {
        assertThat(summary(initPod("{running: {startedAt: \"2025-01-10T11:59:00Z\"}}", 0)))
                .containsExactly("p", "0/1", "Init:0/1", "0");
        assertThat(summary(initPod("{waiting: {reason: PodInitializing}}", 0)))
                .containsExactly("p", "0/1", "Init:0/1", "0");
    }

    @Test
    void initContainerProblems() {
        assertThat(summary(initPod("{waiting: {reason: ErrImagePull}}", 0)).get(2)).isEqualTo("Init:ErrImagePull");
        assertThat(summary(initPod("{terminated: {exitCode: 1, reason: Error}}", 0)).get(2)).isEqualTo("Init:Error");
        assertThat(summary(initPod("{terminated: {exitCode: 3}}", 0)).get(2)).isEqualTo("Init:ExitCode:3");
        assertThat(summary(initPod("{terminated: {exitCode: 137, signal: 9}}", 0)).get(2)).isEqualTo("Init:Signal:9");
        assertThat(summary(initPod("{waiting: {reason: CrashLoopBackOff}}", 3)))
                .containsExactly("p", "0/1", "Init:CrashLoopBackOff", "3 (2m ago)");
    }

    private static String initPod(String initState, int initRestarts) {
        return """
                metadata: {name: p}
                spec:
                  initContainers: [{name: init}]
                  containers: [{name: app}]
                status:
                  phase: Pending
                  conditions: [{type: Initialized, status: "False"}]
                  initContainerStatuses:
                  - name: init
                    ready: false
                    restartCount: %d
                    state: %s
                    lastState: {terminated: {exitCode: 1, reason: Error, finishedAt: "2025-01-10T11:58:00Z"}}
                  containerStatuses:
                  - {name: app, ready: false, restartCount: 0, state: {waiting: {reason: PodInitializing}}}
                """.formatted(initRestarts, initState);
    }

    @Test
    void secondOfTwoInitContainers() {
        assertThat(summary("""
                metadata: {name: p}
                spec: {initContainers: [{name: a}, {name: b}], containers: [{name: app}]}
                status:
                  phase: Pending
                  initContainerStatuses:
                  - {name: a, restartCount: 0, state: {terminated: {exitCode: 0, reason: Completed}}}
                  - {name: b, restartCount: 0, state: {running: {}}}
                """)).containsExactly("p", "0/1", "Init:1/2", "0");
    }

    @Test
    void sidecarsCountAsContainersAndTheirRestartsAreKept() {
        assertThat(summary("""
                metadata: {name: p}
                spec:
                  initContainers:
                  - {name: migrate}
                  - {name: proxy, restartPolicy: Always}
                  containers: [{name: app}]
                status:
                  phase: Running
                  conditions: [{type: Initialized, status: "True"}, {type: Ready, status: "True"}]
                  initContainerStatuses:
                  - name: migrate
                    ready: false
                    restartCount: 1
                    state: {terminated: {exitCode: 0, reason: Completed}}
                    lastState: {terminated: {exitCode: 1, finishedAt: "2025-01-10T11:00:00Z"}}
                  - name: proxy
                    ready: true
                    started: true
                    restartCount: 2
                    state: {running: {}}
                    lastState: {terminated: {exitCode: 1, finishedAt: "2025-01-10T11:50:00Z"}}
                  containerStatuses:
                  - {name: app, ready: true, started: true, restartCount: 0, state: {running: {}}}
                """)).containsExactly("p", "2/2", "Running", "2 (10m ago)");
    }

    @Test
    void sidecarNotYetStartedKeepsThePodInitializing() {
        assertThat(summary("""
                metadata: {name: p}
                spec:
                  initContainers: [{name: proxy, restartPolicy: Always}]
                  containers: [{name: app}]
                status:
                  phase: Pending
                  initContainerStatuses:
                  - {name: proxy, ready: false, started: false, restartCount: 0, state: {running: {}}}
                """)).containsExactly("p", "0/2", "Init:0/1", "0");
    }

    @Test
    void wideColumns() {
        List<Object> cells = table.cells(yaml("""
                metadata: {name: p, creationTimestamp: "2025-01-10T11:00:00Z"}
                spec:
                  nodeName: node-3
                  readinessGates: [{conditionType: example.com/lb}, {conditionType: example.com/dns}]
                  containers: [{name: c}]
                status:
                  phase: Pending
                  nominatedNodeName: node-4
                  podIPs: [{ip: fd00::5}, {ip: 10.0.0.5}]
                  conditions:
                  - {type: example.com/lb, status: "True"}
                  - {type: example.com/dns, status: "False"}
                """), NOW);
        assertThat(cells.subList(5, 9)).containsExactly("fd00::5", "node-3", "node-4", "1/2");
    }
}
