package io.kubesim.nodeagent;

import java.nio.file.Path;
import java.time.Duration;

import io.kubesim.nodeagent.node.NodeSettings;

/**
 * Everything a node agent is configured with (see {@link AgentFlags} for the command line).
 * Immutable.
 *
 * @param kubeconfig       the kubeconfig to reach the API server with
 * @param nodes            the simulated nodes
 * @param stagesDir        a directory of stage files replacing the built-in ones per kind, or null
 * @param metricsPort      port of /metrics, /healthz, /readyz on 127.0.0.1 (0 picks a free one)
 * @param logsPort         port of the kubelet log endpoint on 127.0.0.1 (0 picks a free one)
 * @param failImagePattern images matching this regular expression fail to pull
 * @param workers          threads applying pod stages
 * @param leaseInterval    how often node Leases are renewed
 * @param statusInterval   how often node status heartbeats are posted
 * @param seed             seed of the random choices (stage weights, jitter), or null for a random seed
 */
public record AgentConfig(Path kubeconfig, NodeSettings nodes, Path stagesDir, int metricsPort, int logsPort,
                          String failImagePattern, int workers, Duration leaseInterval, Duration statusInterval,
                          Long seed) {

    /** Images that fail to pull unless configured otherwise. */
    public static final String DEFAULT_FAIL_IMAGE_PATTERN = ".*:nonexistent|.*invalid.*";
    public static final int DEFAULT_METRICS_PORT = 10248;
    public static final int DEFAULT_LOGS_PORT = 10250;

    /** The defaults for {@code kubeconfig}: three kind-like nodes, built-in stages, kubelet ports. */
    public static AgentConfig defaults(Path kubeconfig) {
        return new AgentConfig(kubeconfig, NodeSettings.defaults(), null, DEFAULT_METRICS_PORT, DEFAULT_LOGS_PORT,
                DEFAULT_FAIL_IMAGE_PATTERN, 16, Duration.ofSeconds(10), Duration.ofMinutes(1), null);
    }

    public AgentConfig withNodes(NodeSettings n) {
        return new AgentConfig(kubeconfig, n, stagesDir, metricsPort, logsPort, failImagePattern, workers,
                leaseInterval, statusInterval, seed);
    }

    public AgentConfig withPorts(int metrics, int logs) {
        return new AgentConfig(kubeconfig, nodes, stagesDir, metrics, logs, failImagePattern, workers, leaseInterval,
                statusInterval, seed);
    }

    public AgentConfig withIntervals(Duration lease, Duration status) {
        return new AgentConfig(kubeconfig, nodes, stagesDir, metricsPort, logsPort, failImagePattern, workers, lease,
                status, seed);
    }
}
