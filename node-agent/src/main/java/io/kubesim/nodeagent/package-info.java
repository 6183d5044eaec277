/**
 * Simulated kubelets: {@link io.kubesim.nodeagent.NodeAgentMain} runs many nodes in one process,
 * registering them, heartbeating, and taking the pods bound to them through declarative lifecycle
 * stages. See {@code node-agent/docs/} for the design and the stage file format.
 */
package io.kubesim.nodeagent;
