package io.kubesim.controllers.nodeipam;

import io.fabric8.kubernetes.api.model.Node;

/** Writes a node's pod CIDR. Errors are Fabric8 {@code KubernetesClientException}s. Thread-safe. */
interface NodeCidrWriter {

    /** Sets {@code spec.podCIDR} and {@code spec.podCIDRs} of {@code node}. */
    void setPodCidr(Node node, String cidr);
}
