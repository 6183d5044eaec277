package io.kubesim.controllers;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Command-line options of the controller-manager. Immutable.
 *
 * @param clusterCidr          pod address space handed out per node (node IPAM)
 * @param nodeCidrMaskSize     prefix length of each node's pod CIDR
 * @param nodeMonitorGracePeriod how long a node may miss heartbeats before it is NotReady/Unknown
 */
public record ControllerManagerOptions(
        Path kubeconfig,
        String metricsHost,
        int metricsPort,
        boolean leaderElect,
        String identity,
        String clusterCidr,
        int nodeCidrMaskSize,
        Duration nodeMonitorGracePeriod,
        int workers) {
}
