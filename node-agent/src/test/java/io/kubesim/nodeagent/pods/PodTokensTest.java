package io.kubesim.nodeagent.pods;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.kubesim.nodeagent.lifecycle.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class PodTokensTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00.750Z");

    private static PodTokens tokens(String pod) {
        return new PodTokens(YAML.readTree(pod), "172.18.0.3", () -> "10.244.1.9", NOW, Duration.ofMillis(1412));
    }

    @Test
    void podScopeTokens() {
        PodTokens t = tokens("""
                metadata: {name: web, namespace: shop, uid: u1, annotations: {kubesim.io/exit-code: "2"}}
                spec: {nodeName: n1, containers: [{name: a}, {name: b}]}
                """);
        assertThat(t.value("now").asString()).isEqualTo("2025-01-01T12:00:00Z");
        assertThat(t.value("delay").asString()).isEqualTo("1.412s");
        assertThat(t.value("podIP").asString()).isEqualTo("10.244.1.9");
        assertThat(t.value("nodeName").asString()).isEqualTo("n1");
        assertThat(t.value("exitCode").asInt()).isEqualTo(2);
        assertThat(t.value("containerNames").asString()).isEqualTo("a b");
        assertThat(t.value("nope")).isNull();
    }

    @Test
    void hostNetworkPodsAndPodsWithAnIpKeepTheirAddress() {
        assertThat(tokens("spec: {hostNetwork: true}").value("podIP").asString()).isEqualTo("172.18.0.3");
        assertThat(tokens("status: {podIP: 10.244.1.77}").value("podIP").asString()).isEqualTo("10.244.1.77");
    }

    @Test
    void containerScopeReadsSpecAndStatusByName() {
        JsonNode pod = YAML.readTree("""
                metadata: {uid: u1}
                spec: {containers: [{name: web, image: "nginx:1.15"}]}
                status:
                  containerStatuses:
                  - name: web
                    restartCount: 2
                    containerID: containerd://abc
                    state: {running: {startedAt: "2025-01-01T11:00:00Z"}}
                """);
        Tokens c = new PodTokens(pod, "h", () -> "ip", NOW, Duration.ZERO)
                .forElement("/status/containerStatuses", pod.at("/status/containerStatuses/0"), 0);
        assertThat(c.value("container.image").asString()).isEqualTo("nginx:1.15");
        assertThat(c.value("container.imageRef").asString()).isEqualTo("docker.io/library/nginx:1.15");
        assertThat(c.value("container.containerID").asString()).isEqualTo("containerd://abc");
        assertThat(c.value("container.nextContainerID").asString())
                .isEqualTo(ContainerFacts.containerId("u1", "web", 3));
        assertThat(c.value("container.nextRestartCount").asInt()).isEqualTo(3);
        assertThat(c.value("container.startedAt").asString()).isEqualTo("2025-01-01T11:00:00Z");
        assertThat(c.value("now").asString()).as("falls back to the pod").isEqualTo("2025-01-01T12:00:00Z");
    }

    @Test
    void runtimeFactsAreStableAndShapedLikeContainerd() {
        assertThat(ContainerFacts.normalizedImage("busybox")).isEqualTo("docker.io/library/busybox:latest");
        assertThat(ContainerFacts.normalizedImage("bitnami/redis:7")).isEqualTo("docker.io/bitnami/redis:7");
        assertThat(ContainerFacts.normalizedImage("registry.k8s.io/pause:3.10")).isEqualTo("registry.k8s.io/pause:3.10");
        assertThat(ContainerFacts.normalizedImage("localhost:5000/app")).isEqualTo("localhost:5000/app:latest");
        assertThat(ContainerFacts.imageId("nginx:1.15")).matches("docker\\.io/library/nginx@sha256:[0-9a-f]{64}")
                .isEqualTo(ContainerFacts.imageId("docker.io/library/nginx:1.15"));
        assertThat(ContainerFacts.containerId("u", "c", 0)).matches("containerd://[0-9a-f]{64}")
                .isNotEqualTo(ContainerFacts.containerId("u", "c", 1));
        assertThat(ContainerFacts.imageSize("nginx:1.15")).isBetween(5_000_000L, 205_000_000L)
                .isEqualTo(ContainerFacts.imageSize("nginx:1.15"));
        assertThat(ContainerFacts.pullError("nginx:nonexistent")).isEqualTo(
                "rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:nonexistent\""
                        + ": failed to resolve reference \"docker.io/library/nginx:nonexistent\": "
                        + "docker.io/library/nginx:nonexistent: not found");
    }
}
