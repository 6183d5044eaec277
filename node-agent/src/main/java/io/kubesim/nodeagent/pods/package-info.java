/**
 * The pods bound to simulated nodes: the shared pod informer, the pod side of the lifecycle
 * stages (tokens, API writes), pod IP allocation from node pod CIDRs, the control plane's mirror
 * pods, and kubelet pod metrics.
 */
package io.kubesim.nodeagent.pods;
