package io.kubesim.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SchedulerOptionsTest {

    @Test
    void defaults() throws Exception {
        SchedulerOptions o = SchedulerOptions.parse("--kubeconfig", "/data/scheduler.kubeconfig");
        assertThat(o).isEqualTo(new SchedulerOptions(Path.of("/data/scheduler.kubeconfig"), "127.0.0.1", 10259, true,
                "default-scheduler"));
    }

    @Test
    void everyFlagInBothForms() throws Exception {
        SchedulerOptions o = SchedulerOptions.parse("--kubeconfig=k", "--metrics-port", "0",
                "--metrics-bind-address=0.0.0.0", "--leader-elect=false", "--scheduler-name", "my-scheduler");
        assertThat(o).isEqualTo(new SchedulerOptions(Path.of("k"), "0.0.0.0", 0, false, "my-scheduler"));
        assertThat(SchedulerOptions.parse("--kubeconfig=k", "--leader-elect").leaderElect()).isTrue();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> SchedulerOptions.parse()).hasMessage("--kubeconfig is required");
        assertThatThrownBy(() -> SchedulerOptions.parse("--kubeconfig=k", "--metrics-port=x"))
                .hasMessage("invalid --metrics-port: x");
        assertThatThrownBy(() -> SchedulerOptions.parse("--kubeconfig=k", "--leader-elect=maybe"))
                .hasMessage("invalid boolean for --leader-elect: maybe");
        assertThatThrownBy(() -> SchedulerOptions.parse("--kubeconfig=k", "--bogus")).hasMessage("unknown flag: --bogus");
        assertThatThrownBy(() -> SchedulerOptions.parse("--kubeconfig")).hasMessage("flag needs an argument: --kubeconfig");
        assertThatThrownBy(() -> SchedulerOptions.parse("--help")).isInstanceOf(SchedulerOptions.HelpRequested.class);
    }
}
