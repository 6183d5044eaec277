package io.kubesim.nodeagent.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

class ContainerLogsTest {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    static Pod pod(String containerStatus) {
        return JSON.unmarshal("""
                {"metadata": {"name": "web", "namespace": "default"},
                 "spec": {"containers": [{"name": "nginx", "image": "nginx:1.27"}]},
                 "status": {"hostIP": "172.18.0.3", "containerStatuses": [%s]}}
                """.formatted(containerStatus), Pod.class);
    }

    static final String RUNNING = """
            {"name": "nginx", "containerID": "containerd://run2", "restartCount": 1,
             "state": {"running": {"startedAt": "2025-01-01T00:00:00Z"}},
             "lastState": {"terminated": {"exitCode": 1, "startedAt": "2024-12-31T23:59:00Z",
                                          "finishedAt": "2024-12-31T23:59:30Z", "containerID": "containerd://run1"}}}
            """;

    private static LogRequest.Invalid refusal(String status, String container, boolean previous) {
        try {
            ContainerLogs.resolve(pod(status), container, previous);
        } catch (LogRequest.Invalid e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void readsTheCurrentOrThePreviousRun() throws Exception {
        ContainerRun now = ContainerLogs.resolve(pod(RUNNING), "nginx", false);
        assertThat(now.running()).isTrue();
        assertThat(now.containerId()).isEqualTo("containerd://run2");
        assertThat(now.clientIp()).isEqualTo("172.18.0.3");
        ContainerRun before = ContainerLogs.resolve(pod(RUNNING), "nginx", true);
        assertThat(before.containerId()).isEqualTo("containerd://run1");
        assertThat(before.finishedAt()).isEqualTo(Instant.parse("2024-12-31T23:59:30Z"));
        assertThat(before.exitCode()).isEqualTo(1);
    }

    @Test
    void refusesAsTheKubeletDoes() {
        assertThat(refusal(RUNNING, "sidecar", false)).hasMessage("container \"sidecar\" not found in pod \"web\"")
                .satisfies(e -> assertThat(e.code()).isEqualTo(404));
        String creating = "{\"name\": \"nginx\", \"state\": {\"waiting\": {\"reason\": \"ContainerCreating\"}}}";
        assertThat(refusal(creating, "nginx", false))
                .hasMessage("container \"nginx\" in pod \"web\" is waiting to start: ContainerCreating")
                .satisfies(e -> assertThat(e.code()).isEqualTo(400));
        assertThat(refusal(creating.replace("ContainerCreating", "ErrImagePull"), "nginx", false))
                .hasMessage("container \"nginx\" in pod \"web\" is waiting to start: image can't be pulled");
        assertThat(refusal(creating.replace("ContainerCreating", "ImagePullBackOff"), "nginx", false))
                .hasMessage("container \"nginx\" in pod \"web\" is waiting to start: trying and failing to pull image");
        assertThat(refusal(creating, "nginx", true))
                .hasMessage("previous terminated container \"nginx\" in pod \"web\" not found");
        assertThatThrownBy(() -> ContainerLogs.resolve(pod(""), "nginx", false))
                .hasMessage("container \"nginx\" in pod \"web\" is not available");
    }

    @Test
    void nginxLogsStartLikeNginxAndGainOneAccessLinePerSecond() {
        ContainerRun run = new ContainerRun("nginx", "nginx:1.27", "id", T0, null, 0, "172.18.0.3");
        List<LogLine> lines = SimulatedLog.lines(run, T0.plusSeconds(3));
        assertThat(lines.get(0).text()).startsWith("/docker-entrypoint.sh:");
        assertThat(lines).extracting(LogLine::text).contains("2025/01/01 00:00:00 [notice] 1#1: nginx/1.27");
        assertThat(lines.subList(lines.size() - 3, lines.size())).extracting(LogLine::text).containsExactly(
                "172.18.0.3 - - [01/Jan/2025:00:00:01 +0000] \"GET / HTTP/1.1\" 200 615 \"-\" \"kube-probe/1.32\" \"-\"",
                "172.18.0.3 - - [01/Jan/2025:00:00:02 +0000] \"GET / HTTP/1.1\" 200 615 \"-\" \"kube-probe/1.32\" \"-\"",
                "172.18.0.3 - - [01/Jan/2025:00:00:03 +0000] \"GET / HTTP/1.1\" 200 615 \"-\" \"kube-probe/1.32\" \"-\"");
        assertThat(SimulatedLog.lines(run, T0.plusSeconds(3))).as("deterministic").isEqualTo(lines);
    }

    @Test
    void otherImagesLogHeartbeatsAndTheirExit() {
        ContainerRun run = new ContainerRun("job", "busybox:1.36", "id", T0, T0.plusSeconds(2), 3, "h");
        assertThat(SimulatedLog.lines(run, T0.plusSeconds(60))).extracting(LogLine::text).containsExactly(
                "level=info msg=\"starting\" container=job image=busybox:1.36",
                "level=info msg=\"heartbeat\" seq=1",
                "level=info msg=\"heartbeat\" seq=2",
                "level=info msg=\"exiting\" code=3");
    }

    @Test
    void decodesAndValidatesOptionsLikeTheKubelet() throws Exception {
        LogRequest r = LogRequest.parse(Map.of("follow", "true", "timestamps", "1", "tailLines", "10",
                "sinceSeconds", "60", "limitBytes", "100"), T0);
        assertThat(r.follow()).isTrue();
        assertThat(r.timestamps()).isTrue();
        assertThat(r.previous()).isFalse();
        assertThat(r.tailLines()).isEqualTo(10);
        assertThat(r.since()).isEqualTo(T0.minusSeconds(60));
        assertThat(LogRequest.parse(Map.of("tail", "all", "follow", "false"), T0).tailLines()).isNull();
        assertThat(LogRequest.parse(Map.of("sinceTime", "2025-01-01T00:00:05Z"), T0).since())
                .isEqualTo(T0.plusSeconds(5));
        assertThatThrownBy(() -> LogRequest.parse(Map.of("tailLines", "x"), T0))
                .hasMessage("{\"message\": \"Unable to decode query.\"}");
        assertThatThrownBy(() -> LogRequest.parse(Map.of("tailLines", "-1"), T0))
                .hasMessage("{\"message\": \"Invalid request.\"}");
        assertThatThrownBy(() -> LogRequest.parse(Map.of("sinceSeconds", "5", "sinceTime", "2025-01-01T00:00:00Z"),
                T0)).hasMessage("{\"message\": \"Invalid request.\"}");
        assertThatThrownBy(() -> LogRequest.parse(Map.of("limitBytes", "0"), T0))
                .hasMessage("{\"message\": \"Invalid request.\"}");
    }
}
