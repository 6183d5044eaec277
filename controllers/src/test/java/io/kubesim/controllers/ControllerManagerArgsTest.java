package io.kubesim.controllers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ControllerManagerArgsTest {

    private static ControllerManagerOptions parse(String... args) {
        return ControllerManagerArgs.parse(List.of(args)).orElseThrow();
    }

    @Test
    void defaultsAreThoseOfKubeControllerManager() {
        ControllerManagerOptions o = parse("--kubeconfig", "cm.kubeconfig");
        assertThat(o.kubeconfig()).isEqualTo(Path.of("cm.kubeconfig"));
        assertThat(o.metricsHost()).isEqualTo("127.0.0.1");
        assertThat(o.metricsPort()).isEqualTo(10257);
        assertThat(o.leaderElect()).isTrue();
        assertThat(o.clusterCidr()).isEqualTo("10.244.0.0/16");
        assertThat(o.nodeCidrMaskSize()).isEqualTo(24);
        assertThat(o.nodeMonitorGracePeriod()).isEqualTo(Duration.ofSeconds(40));
        assertThat(o.workers()).isEqualTo(5);
        assertThat(o.identity()).matches(".+_[0-9a-f-]{36}");
    }

    @Test
    void everyFlagCanBeSetEitherWay() {
        ControllerManagerOptions o = parse("--kubeconfig=k", "--metrics-port", "0", "--metrics-bind-address=0.0.0.0",
                "--leader-elect=false", "--cluster-cidr", "10.96.0.0/12", "--node-cidr-mask-size=26",
                "--node-monitor-grace-period", "1m30s", "--concurrent-workers=8");
        assertThat(o.metricsPort()).isZero();
        assertThat(o.metricsHost()).isEqualTo("0.0.0.0");
        assertThat(o.leaderElect()).isFalse();
        assertThat(o.clusterCidr()).isEqualTo("10.96.0.0/12");
        assertThat(o.nodeCidrMaskSize()).isEqualTo(26);
        assertThat(o.nodeMonitorGracePeriod()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.workers()).isEqualTo(8);
        assertThat(parse("--kubeconfig", "k", "--leader-elect").leaderElect()).isTrue();
    }

    @Test
    void helpIsNotAnError() {
        assertThat(ControllerManagerArgs.parse(List.of("--help"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--metrics-port 1                       | --kubeconfig is required",
            "--kubeconfig k --bogus                 | unknown flag: --bogus",
            "--kubeconfig k extra                   | unexpected argument: extra",
            "--kubeconfig                           | flag needs an argument: --kubeconfig",
            "--kubeconfig k --metrics-port x        | invalid argument \"x\" for \"--metrics-port\" flag",
            "--kubeconfig k --metrics-port 70000    | --metrics-port must be between 0 and 65535, got 70000",
            "--kubeconfig k --leader-elect=maybe    | invalid argument \"maybe\" for \"--leader-elect\" flag",
            "--kubeconfig k --node-monitor-grace-period 40 | time: invalid duration \"40\"",
            "--kubeconfig k --cluster-cidr 10.0.0.0 | invalid --cluster-cidr \"10.0.0.0\"",
            "--kubeconfig k --node-cidr-mask-size 8 | --node-cidr-mask-size 8 is smaller than the --cluster-cidr prefix /16"})
    void badFlagsAreRejectedWithOneLine(String args, String message) {
        assertThatThrownBy(() -> ControllerManagerArgs.parse(List.of(args.trim().split(" +"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void goDurationsParse() {
        assertThat(ControllerManagerArgs.parseDuration("f", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ControllerManagerArgs.parseDuration("f", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(ControllerManagerArgs.parseDuration("f", "1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(ControllerManagerArgs.parseDuration("f", "0")).isZero();
    }
}
