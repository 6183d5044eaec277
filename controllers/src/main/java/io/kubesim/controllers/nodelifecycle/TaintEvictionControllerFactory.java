package io.kubesim.controllers.nodelifecycle;

import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubesim.controllers.ControllerContext;
import io.kubesim.controllers.ControllerFactory;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.Pods;
import io.kubesim.controllers.support.StoreIndex;
import io.kubesim.controllers.support.Taints;

/**
 * The taint eviction controller ({@code taint-eviction-controller}, events from
 * {@code taint-eviction-controller}): works per node; a node is queued when its NoExecute taints
 * change and when a pod lands on (or changes on) a node that has any.
 */
public final class TaintEvictionControllerFactory implements ControllerFactory {

    public static final String COMPONENT = "taint-eviction-controller";

    @Override
    public String name() {
        return "taint-eviction-controller";
    }

    @Override
    public Controller create(ControllerContext context) {
        var informers = context.informers();
        ObjectStore<Node> nodes = context.store(Node.class);
        Fabric8NodeLifecycleWriter writer = new Fabric8NodeLifecycleWriter(context.client());
        TaintEvictionReconciler reconciler = new TaintEvictionReconciler(nodes,
                context.store(Pod.class, StoreIndex.PODS_BY_NODE), writer,
                context.events(COMPONENT), context.clock());
        Controller controller = context.controller(name(), reconciler);
        informers.of(Node.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Node node) {
                if (!noExecute(node).isEmpty()) {
                    controller.enqueue(node.getMetadata().getName());
                }
            }

            @Override
            public void onUpdate(Node old, Node node) {
                if (!Objects.equals(noExecute(old), noExecute(node))) {
                    controller.enqueue(node.getMetadata().getName());
                }
            }

            @Override
            public void onDelete(Node node, boolean deletedFinalStateUnknown) {
                controller.enqueue(node.getMetadata().getName());
            }
        });
        informers.of(Pod.class).addEventHandler(controller.<Pod>handler(pod -> {
            String nodeName = Pods.nodeName(pod);
            if (nodeName.isEmpty()) {
                return List.of();
            }
            Node node = nodes.get(null, nodeName);
            return node != null && !noExecute(node).isEmpty() ? List.of(nodeName) : List.of();
        }));
        return controller;
    }

    private static List<Taint> noExecute(Node node) {
        return Taints.of(node.getSpec() == null ? null : node.getSpec().getTaints()).stream()
                .filter(t -> Taints.hasEffect(t, Taints.NO_EXECUTE)).toList();
    }
}
