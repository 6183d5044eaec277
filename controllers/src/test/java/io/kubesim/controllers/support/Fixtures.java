package io.kubesim.controllers.support;

import java.time.Instant;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

/** Small builders for the objects reconciler tests need. */
public final class Fixtures {

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

    /** A running, ready pod bound to {@code node} with IP {@code ip}. */
    public static Pod runningPod(String namespace, String name, String node, String ip, Instant since) {
        String t = Times.format(since);
        return new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name).withUid(uid())
                .withCreationTimestamp(t).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("nginx").endContainer()
                .endSpec()
                .withNewStatus().withPhase("Running").withPodIP(ip).addNewCondition().withType("Ready")
                .withStatus("True").withLastTransitionTime(t).endCondition().endStatus().build();
    }
}
