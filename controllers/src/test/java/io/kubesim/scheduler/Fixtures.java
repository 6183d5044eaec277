package io.kubesim.scheduler;

import java.util.Arrays;
import java.util.List;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Snapshot;

/** Builders of nodes and pods for scheduler tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A Ready node with 4 CPUs, 8Gi memory, 110 pods and its hostname label; edit the builder for more. */
    public static NodeBuilder node(String name) {
        return node(name, "4", "8Gi");
    }

    public static NodeBuilder node(String name, String cpu, String memory) {
        return new NodeBuilder()
                .withNewMetadata().withName(name).withUid(name + "-uid")
                    .addToLabels("kubernetes.io/hostname", name).endMetadata()
                .withNewSpec().endSpec()
                .withNewStatus()
                    .addToCapacity("cpu", new Quantity(cpu)).addToCapacity("memory", new Quantity(memory))
                    .addToCapacity("pods", new Quantity("110"))
                    .addToCapacity("ephemeral-storage", new Quantity("100Gi"))
                    .addToAllocatable("cpu", new Quantity(cpu)).addToAllocatable("memory", new Quantity(memory))
                    .addToAllocatable("pods", new Quantity("110"))
                    .addToAllocatable("ephemeral-storage", new Quantity("100Gi"))
                    .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady").endCondition()
                .endStatus();
    }

    /** A pending pod in {@code default} with one container and no requests. */
    public static PodBuilder pod(String name) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("default").withUid(name + "-uid").endMetadata()
                .withNewSpec().withSchedulerName("default-scheduler")
                    .addNewContainer().withName("app").withImage("nginx").endContainer()
                .endSpec();
    }

    /** A pending pod whose container requests {@code cpu} and {@code memory}. */
    public static PodBuilder pod(String name, String cpu, String memory) {
        return pod(name).editSpec().editFirstContainer().withNewResources()
                .addToRequests("cpu", new Quantity(cpu)).addToRequests("memory", new Quantity(memory))
                .endResources().endContainer().endSpec();
    }

    /** {@code pod} owned (as controller) by a ReplicaSet with {@code uid}. */
    public static PodBuilder ownedBy(PodBuilder pod, String uid) {
        return pod.editMetadata().addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet")
                .withName("rs-" + uid).withUid(uid).withController(true).endOwnerReference().endMetadata();
    }

    /** {@code pod} bound to {@code node}. */
    public static Pod on(Pod pod, String node) {
        return new PodBuilder(pod).editSpec().withNodeName(node).endSpec().build();
    }

    /** {@code node} with {@code pods} assigned to it. */
    public static NodeInfo nodeInfo(Node node, Pod... pods) {
        return NodeInfo.of(node, Arrays.stream(pods).map(p -> PodInfo.of(on(p, node.getMetadata().getName())))
                .toList());
    }

    /** A cycle state for {@code pod} over {@code nodes}. */
    public static CycleState state(Pod pod, NodeInfo... nodes) {
        return new CycleState(PodInfo.of(pod), Snapshot.of(List.of(nodes)));
    }
}
