package io.kubesim.nodeagent.pods;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubesim.nodeagent.lifecycle.Timestamps;
import io.kubesim.nodeagent.node.SimulatedNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mirror pods a kubeadm control-plane node's kubelet publishes for its static pods
 * ({@code kube-apiserver-<node>}, {@code kube-controller-manager-<node>},
 * {@code kube-scheduler-<node>} in {@code kube-system}): config annotations, component labels,
 * the Node as owner, node-critical priority, host network, and a Running status with the node's IP
 * as pod IP. Stateless.
 */
public final class MirrorPodTemplates {

    public static final String NAMESPACE = "kube-system";
    public static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";
    private static final String VERSION = "v1.32.0";

    /** One static pod: its component name, CPU request and command line. */
    public record Component(String name, String cpu, List<String> command) {
    }

    private MirrorPodTemplates() {
    }

    /** The control-plane components of {@code node}, whose internal IP they advertise. */
    public static List<Component> components(SimulatedNode node) {
        String ip = node.internalIp();
        return List.of(
                new Component("kube-apiserver", "250m", List.of("kube-apiserver", "--advertise-address=" + ip,
                        "--allow-privileged=true", "--authorization-mode=Node,RBAC",
                        "--client-ca-file=/etc/kubernetes/pki/ca.crt", "--enable-admission-plugins=NodeRestriction",
                        "--etcd-servers=https://127.0.0.1:2379", "--secure-port=6443",
                        "--service-cluster-ip-range=10.96.0.0/16", "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
                        "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key")),
                new Component("kube-controller-manager", "200m", List.of("kube-controller-manager",
                        "--allocate-node-cidrs=true", "--cluster-cidr=10.244.0.0/16",
                        "--kubeconfig=/etc/kubernetes/controller-manager.conf", "--leader-elect=true",
                        "--node-cidr-mask-size=24", "--service-cluster-ip-range=10.96.0.0/16",
                        "--use-service-account-credentials=true")),
                new Component("kube-scheduler", "100m", List.of("kube-scheduler",
                        "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
                        "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf", "--bind-address=127.0.0.1",
                        "--kubeconfig=/etc/kubernetes/scheduler.conf", "--leader-elect=true")));
    }

    /** The mirror pod's name: {@code <component>-<node>}. */
    public static String name(Component c, SimulatedNode node) {
        return c.name() + "-" + node.name();
    }

    /** The mirror pod to create for {@code c} on {@code node} (whose Node has UID {@code nodeUid}). */
    public static Pod pod(Component c, SimulatedNode node, String nodeUid, Instant seen) {
        String hash = ContainerFacts.sha256("static:" + node.name() + "/" + c.name()).substring(0, 32);
        Map<String, String> annotations = new LinkedHashMap<>();
        if (c.name().equals("kube-apiserver")) {
            annotations.put("kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint",
                    node.internalIp() + ":6443");
        }
        annotations.put("kubernetes.io/config.hash", hash);
        annotations.put(MIRROR_ANNOTATION, hash);
        annotations.put("kubernetes.io/config.seen", seen.toString());
        annotations.put("kubernetes.io/config.source", "file");
        return new PodBuilder()
                .withNewMetadata()
                    .withName(name(c, node))
                    .withNamespace(NAMESPACE)
                    .withLabels(Map.of("component", c.name(), "tier", "control-plane"))
                    .withAnnotations(annotations)
                    .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("v1").withKind("Node")
                            .withName(node.name()).withUid(nodeUid).withController(true).build())
                .endMetadata()
                .withNewSpec()
                    .withNodeName(node.name())
                    .withHostNetwork(true)
                    .withPriorityClassName("system-node-critical")
                    .addNewContainer()
                        .withName(c.name())
                        .withImage("registry.k8s.io/" + c.name() + ":" + VERSION)
                        .withImagePullPolicy("IfNotPresent")
                        .withCommand(c.command())
                        .withNewResources().addToRequests("cpu", new Quantity(c.cpu())).endResources()
                    .endContainer()
                    .addNewToleration().withOperator("Exists").withEffect("NoExecute").endToleration()
                    .withNewSecurityContext().withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                        .endSecurityContext()
                .endSpec()
                .build();
    }

    /** The Running status of the mirror pod of {@code c} with UID {@code podUid}, started at {@code started}. */
    public static ObjectNode runningStatus(Component c, SimulatedNode node, String podUid, Instant started) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String at = Timestamps.seconds(started);
        ObjectNode status = f.objectNode();
        status.put("phase", "Running");
        ArrayNode conditions = status.putArray("conditions");
        for (String type : List.of("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady",
                "PodScheduled")) {
            conditions.addObject().put("type", type).put("status", "True").put("lastTransitionTime", at);
        }
        status.put("hostIP", node.internalIp());
        status.putArray("hostIPs").addObject().put("ip", node.internalIp());
        status.put("podIP", node.internalIp());
        status.putArray("podIPs").addObject().put("ip", node.internalIp());
        status.put("startTime", at);
        String image = "registry.k8s.io/" + c.name() + ":" + VERSION;
        ObjectNode container = status.putArray("containerStatuses").addObject();
        container.put("name", c.name()).put("image", image).put("imageID", ContainerFacts.imageId(image))
                .put("containerID", ContainerFacts.containerId(podUid, c.name(), 0)).put("ready", true)
                .put("started", true).put("restartCount", 0);
        container.putObject("state").putObject("running").put("startedAt", at);
        container.putObject("lastState");
        return status;
    }
}
