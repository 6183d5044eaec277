package io.kubesim.nodeagent.pods;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kubesim.nodeagent.lifecycle.StageDeferredException;

/**
 * Pod IPs for all simulated nodes: one {@link PodIpAllocator} per node, created once the node has
 * a {@code spec.podCIDR} (the IPAM controller assigns it; it never changes afterwards). Pods keep
 * their address until they are deleted. Thread-safe.
 */
public final class PodIpam {

    private static final Logger LOG = LoggerFactory.getLogger(PodIpam.class);

    private final Map<String, PodIpAllocator> byNode = new ConcurrentHashMap<>();
    private final Map<String, String> nodeOfPod = new ConcurrentHashMap<>();

    /**
     * Records the pod CIDR of {@code node}, with the addresses its pods already have (pod UID to
     * IP) reserved before any new allocation; a CIDR the allocator cannot use (IPv6) is logged and
     * ignored.
     *
     * @return true when the node had no usable CIDR before
     */
    public boolean podCidr(String node, String cidr, Map<String, String> existing) {
        if (cidr == null || cidr.isEmpty()) {
            return false;
        }
        PodIpAllocator current = byNode.get(node);
        if (current != null && current.cidr().equals(cidr)) {
            return false;
        }
        try {
            PodIpAllocator allocator = new PodIpAllocator(cidr);
            existing.forEach((uid, ip) -> {
                if (allocator.reserve(uid, ip)) {
                    nodeOfPod.put(uid, node);
                }
            });
            byNode.put(node, allocator);
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warn("node {}: cannot allocate pod IPs from {}: {}", node, cidr, e.getMessage());
            return false;
        }
    }

    /** Whether {@code node} has a pod CIDR to allocate from. */
    public boolean ready(String node) {
        return byNode.containsKey(node);
    }

    /**
     * The IP of pod {@code podUid} on {@code node}, allocated on first use.
     *
     * @throws StageDeferredException when the node has no pod CIDR yet or its range is exhausted
     */
    public String allocate(String node, String podUid) {
        PodIpAllocator allocator = byNode.get(node);
        if (allocator == null) {
            throw new StageDeferredException("node " + node + " has no pod CIDR yet");
        }
        String ip = allocator.allocate(podUid).orElseThrow(
                () -> new StageDeferredException("no free pod IP in " + allocator.cidr() + " on node " + node));
        nodeOfPod.put(podUid, node);
        return ip;
    }

    /** Records the address a pod already has (found running at start); ignored when it does not fit. */
    public void reserve(String node, String podUid, String ip) {
        PodIpAllocator allocator = byNode.get(node);
        if (allocator != null && allocator.reserve(podUid, ip)) {
            nodeOfPod.put(podUid, node);
        }
    }

    /** Frees the address of a deleted pod. */
    public void release(String podUid) {
        String node = nodeOfPod.remove(podUid);
        PodIpAllocator allocator = node == null ? null : byNode.get(node);
        if (allocator != null) {
            allocator.release(podUid);
        }
    }
}
