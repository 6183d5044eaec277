package io.kubesim.nodeagent.node;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;

/**
 * The objects a kubelet writes for its node, built from a {@link SimulatedNode}: the Node it
 * registers (labels, taints, capacity in the units a kubelet reports, addresses, node info, the
 * kubelet endpoint) and its heartbeat Lease. Conditions are not part of registration: the
 * {@code node-initialize} stage reports them. Stateless and thread-safe.
 */
public final class NodeObjects {

    public static final String KUBELET_VERSION = "v1.32.0";
    public static final String CONTAINER_RUNTIME_VERSION = "containerd://1.7.24";
    public static final String OS_IMAGE = "Debian GNU/Linux 12 (bookworm)";
    public static final String KERNEL_VERSION = "6.8.0-51-generic";
    /** Annotation telling the API server where this node's kubelet endpoint (container logs) listens. */
    public static final String KUBELET_ADDRESS_ANNOTATION = "kubesim.io/kubelet-address";
    public static final String LEASE_NAMESPACE = "kube-node-lease";
    public static final int LEASE_DURATION_SECONDS = 40;

    private final NodeSettings settings;
    private final int kubeletPort;
    private final String bootId;

    /**
     * @param kubeletPort the port of the shared log endpoint on 127.0.0.1
     * @param bootId      this agent run's boot ID (changes on every start, as on a reboot)
     */
    public NodeObjects(NodeSettings settings, int kubeletPort, String bootId) {
        this.settings = settings;
        this.kubeletPort = kubeletPort;
        this.bootId = bootId;
    }

    /** The Node to register. */
    public Node node(SimulatedNode n) {
        return new NodeBuilder()
                .withNewMetadata()
                    .withName(n.name())
                    .withLabels(new LinkedHashMap<>(n.labels()))
                    .withAnnotations(annotations())
                .endMetadata()
                .withNewSpec()
                    .withTaints(n.taints().stream().map(NodeTaint::toTaint).toList())
                .endSpec()
                .withStatus(status(n))
                .build();
    }

    /** The annotations a kubelet keeps on its node. */
    public Map<String, String> annotations() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("volumes.kubernetes.io/controller-managed-attach-detach", "true");
        a.put(KUBELET_ADDRESS_ANNOTATION, "127.0.0.1:" + kubeletPort);
        return a;
    }

    /** The status fields a kubelet sets at registration (everything but conditions). */
    public NodeStatus status(SimulatedNode n) {
        Map<String, Quantity> capacity = new LinkedHashMap<>();
        capacity.put("cpu", new Quantity(settings.cpu()));
        capacity.put("ephemeral-storage", kibibytes(settings.ephemeralStorage()));
        capacity.put("hugepages-1Gi", new Quantity("0"));
        capacity.put("hugepages-2Mi", new Quantity("0"));
        capacity.put("memory", kibibytes(settings.memory()));
        capacity.put("pods", new Quantity(Integer.toString(settings.maxPods())));
        return new NodeStatusBuilder()
                .withCapacity(capacity)
                .withAllocatable(new LinkedHashMap<>(capacity))
                .addNewAddress().withType("InternalIP").withAddress(n.internalIp()).endAddress()
                .addNewAddress().withType("Hostname").withAddress(n.name()).endAddress()
                .withNewDaemonEndpoints().withNewKubeletEndpoint().withPort(kubeletPort).endKubeletEndpoint()
                    .endDaemonEndpoints()
                .withNewNodeInfo()
                    .withMachineID(hex32("machine:" + n.name()))
                    .withSystemUUID(UUID.nameUUIDFromBytes(("system:" + n.name()).getBytes(StandardCharsets.UTF_8))
                            .toString())
                    .withBootID(bootId)
                    .withKernelVersion(KERNEL_VERSION)
                    .withOsImage(OS_IMAGE)
                    .withContainerRuntimeVersion(CONTAINER_RUNTIME_VERSION)
                    .withKubeletVersion(KUBELET_VERSION)
                    .withKubeProxyVersion("")
                    .withOperatingSystem("linux")
                    .withArchitecture("amd64")
                .endNodeInfo()
                .build();
    }

    /** The node's heartbeat Lease, owned by the Node as a kubelet's is. */
    public static Lease lease(String nodeName, String nodeUid, Instant now) {
        return new LeaseBuilder()
                .withNewMetadata()
                    .withName(nodeName)
                    .withNamespace(LEASE_NAMESPACE)
                    .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("v1").withKind("Node")
                            .withName(nodeName).withUid(nodeUid).build())
                .endMetadata()
                .withNewSpec()
                    .withHolderIdentity(nodeName)
                    .withLeaseDurationSeconds(LEASE_DURATION_SECONDS)
                    .withRenewTime(ZonedDateTime.ofInstant(now, ZoneOffset.UTC))
                .endSpec()
                .build();
    }

    /** A quantity in the Ki units kubelets report memory and storage in. */
    static Quantity kibibytes(String quantity) {
        BigDecimal bytes = Quantity.getAmountInBytes(new Quantity(quantity));
        return new Quantity(bytes.divideToIntegralValue(BigDecimal.valueOf(1024)).toBigInteger() + "Ki");
    }

    private static String hex32(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
