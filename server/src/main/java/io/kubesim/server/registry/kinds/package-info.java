/**
 * The resources the server serves: one {@link io.kubesim.server.registry.ResourceStrategy} per
 * kind (defaults, preparation, validation, immutability, graceful deletion, mirroring a real 1.32
 * server) and the group declarations {@link io.kubesim.server.registry.kinds.CoreV1},
 * {@link io.kubesim.server.registry.kinds.AppsV1} and
 * {@link io.kubesim.server.registry.kinds.CoordinationV1} that turn them into
 * {@link io.kubesim.server.registry.ResourceDescriptor}s. Services also allocate cluster IPs and
 * node ports through {@link io.kubesim.server.registry.kinds.ClusterIpAllocator} and
 * {@link io.kubesim.server.registry.kinds.NodePortAllocator}.
 */
package io.kubesim.server.registry.kinds;
