/**
 * The kubelet's container log endpoint ({@code /containerLogs/...}) with deterministic
 * simulated container output.
 */
package io.kubesim.nodeagent.logs;
