/** Simulated kubelets: node registration, heartbeats and declarative pod lifecycle stages. */
package io.kubesim.nodeagent;
