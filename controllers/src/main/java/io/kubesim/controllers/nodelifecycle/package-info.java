/**
 * Node lifecycle: node health from Leases and heartbeats, condition and cordon taints, and
 * taint-based eviction of pods from NoExecute-tainted nodes.
 */
package io.kubesim.controllers.nodelifecycle;
