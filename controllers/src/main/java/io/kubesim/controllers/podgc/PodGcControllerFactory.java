package io.kubesim.controllers.podgc;

import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubesim.controllers.ControllerContext;
import io.kubesim.controllers.ControllerFactory;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.support.Nodes;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.Pods;
import io.kubesim.controllers.support.StoreIndex;

/**
 * The pod garbage collector ({@code podgc}): queues only pods that may need it — terminating ones,
 * ones bound to a node missing from the cache, and the pods of a node that is deleted or stops
 * being Ready — plus a periodic sweep of terminated pods.
 */
public final class PodGcControllerFactory implements ControllerFactory {

    /** Upstream's --terminated-pod-gc-threshold default. */
    static final int TERMINATED_THRESHOLD = 12_500;

    @Override
    public String name() {
        return "podgc";
    }

    @Override
    public Controller create(ControllerContext context) {
        var informers = context.informers();
        ObjectStore<Pod> pods = context.store(Pod.class, StoreIndex.PODS_BY_NODE);
        ObjectStore<Node> nodes = context.store(Node.class);
        PodGcReconciler reconciler = new PodGcReconciler(pods, nodes, new Fabric8PodGcWriter(context.client()),
                context.clock(), TERMINATED_THRESHOLD);
        Controller controller = context.controller(name(), reconciler, 1);
        informers.of(Pod.class).addEventHandler(controller.<Pod>handler(pod -> {
            String node = Pods.nodeName(pod);
            boolean suspect = Pods.isTerminating(pod) || (!node.isEmpty() && nodes.get(null, node) == null);
            return suspect ? List.of(Keys.of(pod)) : List.of();
        }));
        informers.of(Node.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Node node) {
            }

            @Override
            public void onUpdate(Node old, Node node) {
                if (Nodes.isReady(old) && !Nodes.isReady(node) || !Objects.equals(old.getSpec(), node.getSpec())) {
                    enqueuePods(node);
                }
            }

            @Override
            public void onDelete(Node node, boolean deletedFinalStateUnknown) {
                enqueuePods(node);
            }

            private void enqueuePods(Node node) {
                pods.byIndex(StoreIndex.PODS_BY_NODE, node.getMetadata().getName())
                        .forEach(p -> controller.enqueue(Keys.of(p)));
            }
        });
        controller.enqueue(PodGcReconciler.TERMINATED_SWEEP);
        return controller;
    }
}
