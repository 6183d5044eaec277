package io.kubesim.controllers.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.kubesim.controllers.support.DeepCopy;
import io.kubesim.controllers.support.Times;

/** Objects for controller tests, shaped as the API server returns them after defaulting. */
public final class Fixtures {

    public static final String NS = "default";

    private Fixtures() {
    }

    public static String uid() {
        return UUID.randomUUID().toString();
    }

    /** A Ready node with a heartbeat at {@code heartbeat}. */
    public static Node readyNode(String name, Instant heartbeat) {
        String t = Times.format(heartbeat);
        return new NodeBuilder().withNewMetadata().withName(name).withUid(uid()).withResourceVersion("1")
                .withCreationTimestamp(t).addToLabels("kubernetes.io/hostname", name).endMetadata()
                .withNewSpec().endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                .withMessage("kubelet is posting ready status").withLastHeartbeatTime(t).withLastTransitionTime(t)
                .endCondition().endStatus().build();
    }

    /** A running pod, ready since {@code since}, bound to {@code node} with IP {@code ip}. */
    public static Pod runningPod(String namespace, String name, String node, String ip, Instant since) {
        String t = Times.format(since);
        return new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name).withUid(uid())
                .withCreationTimestamp(t).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("nginx").endContainer()
                .endSpec()
                .withNewStatus().withPhase("Running").withPodIP(ip).addNewCondition().withType("Ready")
                .withStatus("True").withLastTransitionTime(t).endCondition().endStatus().build();
    }

    public static PodTemplateSpec template(Map<String, String> labels, String image) {
        return new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec()
                .build();
    }

    public static ReplicaSet replicaSet(String name, int replicas, Map<String, String> labels) {
        return new ReplicaSetBuilder()
                .withNewMetadata().withName(name).withNamespace(NS).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withSelector(new LabelSelectorBuilder().withMatchLabels(labels).build())
                .withTemplate(template(labels, "nginx:1.27")).endSpec()
                .build();
    }

    public static Deployment deployment(String name, int replicas, Map<String, String> labels, String image) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(NS).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withSelector(new LabelSelectorBuilder().withMatchLabels(labels).build())
                .withTemplate(template(labels, image))
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                    .withMaxSurge(new IntOrString("25%")).withMaxUnavailable(new IntOrString("25%"))
                .endRollingUpdate().endStrategy()
                .withRevisionHistoryLimit(10).withProgressDeadlineSeconds(600)
                .endSpec()
                .build();
    }

    public static StatefulSet statefulSet(String name, int replicas, Map<String, String> labels, String image) {
        return new StatefulSetBuilder()
                .withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withNewSpec().withReplicas(replicas).withServiceName(name)
                .withSelector(new LabelSelectorBuilder().withMatchLabels(labels).build())
                .withTemplate(template(labels, image))
                .withPodManagementPolicy("OrderedReady")
                .withNewUpdateStrategy().withType("RollingUpdate").withNewRollingUpdate().withPartition(0)
                .endRollingUpdate().endUpdateStrategy()
                .withRevisionHistoryLimit(10)
                .endSpec()
                .build();
    }

    /** What the API server adds to a new pod: phase Pending. */
    public static Pod pending(Pod pod) {
        Pod p = DeepCopy.of(pod);
        p.setStatus(new PodStatus());
        p.getStatus().setPhase("Pending");
        return p;
    }

    /** What a kubelet reports for a started pod: bound to {@code node}, Running, Ready since now. */
    public static Pod runningReady(Pod pod, String node, Clock clock) {
        Pod p = DeepCopy.of(pod);
        p.getSpec().setNodeName(node);
        PodStatus s = new PodStatus();
        s.setPhase("Running");
        s.setConditions(new ArrayList<>(List.of(new PodConditionBuilder().withType("Ready").withStatus("True")
                .withLastTransitionTime(Times.now(clock)).build())));
        p.setStatus(s);
        return p;
    }
}
