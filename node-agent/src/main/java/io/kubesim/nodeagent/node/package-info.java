/**
 * The simulated nodes: their layout and registration objects, the registrar, the Lease and
 * status heartbeats, and the node side of the lifecycle stages.
 */
package io.kubesim.nodeagent.node;
