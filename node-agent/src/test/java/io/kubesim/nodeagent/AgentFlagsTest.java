package io.kubesim.nodeagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.kubesim.nodeagent.node.NodeTaint;

class AgentFlagsTest {

    @Test
    void defaultsNeedOnlyAKubeconfig() {
        AgentConfig c = AgentFlags.parse("--kubeconfig", "/tmp/k");
        assertThat(c.kubeconfig()).isEqualTo(Path.of("/tmp/k"));
        assertThat(c.nodes().count()).isEqualTo(3);
        assertThat(c.nodes().namePrefix()).isEqualTo("kubesim-");
        assertThat(c.nodes().controlPlane()).isTrue();
        assertThat(c.logsPort()).isEqualTo(10250);
        assertThat(c.metricsPort()).isEqualTo(10248);
        assertThat(c.failImagePattern()).isEqualTo(".*:nonexistent|.*invalid.*");
        assertThat(c.stagesDir()).isNull();
    }

    @Test
    void readsEveryFlagInBothSpellings() {
        AgentConfig c = AgentFlags.parse("--kubeconfig=/k", "--nodes", "100", "--name-prefix=sim-",
                "--control-plane=false", "--cpu", "8", "--memory", "16Gi", "--pods", "250", "--zones", "",
                "--node-labels", "a=1,b=2", "--node-taints", "gpu=true:NoSchedule", "--stages", "/s",
                "--metrics-port", "0", "--logs-port=0", "--fail-image-pattern", "bad.*", "--workers", "4",
                "--lease-interval", "2s", "--status-interval", "30s", "--seed", "9", "--nodes-per-rack", "10",
                "--first-node-ip", "10.1.0.10", "--ephemeral-storage", "1Ti");
        assertThat(c.nodes().count()).isEqualTo(100);
        assertThat(c.nodes().controlPlane()).isFalse();
        assertThat(c.nodes().zones()).isEmpty();
        assertThat(c.nodes().labels()).containsEntry("a", "1").containsEntry("b", "2");
        assertThat(c.nodes().taints()).containsExactly(new NodeTaint("gpu", "true", "NoSchedule"));
        assertThat(c.stagesDir()).isEqualTo(Path.of("/s"));
        assertThat(c.leaseInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.seed()).isEqualTo(9L);
        assertThat(c.nodes().firstNodeIp()).isEqualTo("10.1.0.10");
        assertThat(AgentFlags.parse("--kubeconfig", "/k", "--control-plane").nodes().controlPlane()).isTrue();
    }

    @Test
    void rejectsWhatItCannotUse() {
        assertThatThrownBy(() -> AgentFlags.parse("--nodes", "2")).hasMessageContaining("--kubeconfig is required");
        assertThatThrownBy(() -> AgentFlags.parse("--kubeconfig", "/k", "--node", "2"))
                .hasMessageContaining("unknown flag --node");
        assertThatThrownBy(() -> AgentFlags.parse("--kubeconfig", "/k", "--nodes", "many"))
                .hasMessageContaining("--nodes: not a number");
        assertThatThrownBy(() -> AgentFlags.parse("--kubeconfig", "/k", "--node-taints", "a=b:Sometimes"))
                .hasMessageContaining("invalid taint effect");
        assertThatThrownBy(() -> AgentFlags.parse("--kubeconfig", "/k", "--fail-image-pattern", "(("))
                .hasMessageContaining("--fail-image-pattern");
        assertThatThrownBy(() -> AgentFlags.parse("--kubeconfig", "/k", "--logs-port", "70000"))
                .hasMessageContaining("not a port");
        assertThatThrownBy(() -> AgentFlags.parse("--kubeconfig", "/k", "--nodes", "0"))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> AgentFlags.parse("--help")).isInstanceOf(AgentFlags.HelpRequested.class);
        assertThat(AgentFlags.USAGE).contains("--fail-image-pattern", "--control-plane", "--logs-port");
    }
}
