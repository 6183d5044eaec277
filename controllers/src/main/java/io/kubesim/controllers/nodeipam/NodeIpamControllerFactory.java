package io.kubesim.controllers.nodeipam;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubesim.controllers.ControllerContext;
import io.kubesim.controllers.ControllerFactory;
import io.kubesim.controllers.runtime.Controller;

/**
 * Node IPAM ({@code nodeipam}, events from {@code cidrAllocator}): pod CIDRs of
 * {@code --node-cidr-mask-size} from {@code --cluster-cidr} (IPv4).
 */
public final class NodeIpamControllerFactory implements ControllerFactory {

    public static final String COMPONENT = "cidrAllocator";

    @Override
    public String name() {
        return "nodeipam";
    }

    @Override
    public Controller create(ControllerContext context) {
        CidrSet cidrs = new CidrSet(Ipv4Cidr.parse(context.options().clusterCidr()),
                context.options().nodeCidrMaskSize());
        KubernetesClient client = context.client();
        NodeCidrWriter writer = (node, cidr) -> client.nodes().withName(node.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization().asJson(
                        Map.of("spec", Map.of("podCIDR", cidr, "podCIDRs", List.of(cidr)))));
        NodeIpamReconciler reconciler = new NodeIpamReconciler(context.store(Node.class), cidrs, writer,
                context.events(COMPONENT));
        // One worker: assignments are cheap, and a single writer keeps the allocation order simple to follow.
        Controller controller = context.controller(name(), reconciler, 1);
        context.informers().of(Node.class).addEventHandler(controller.ownKeyHandler());
        return controller;
    }
}
