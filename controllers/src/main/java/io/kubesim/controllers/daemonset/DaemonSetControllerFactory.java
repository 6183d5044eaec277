package io.kubesim.controllers.daemonset;

import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubesim.controllers.ControllerContext;
import io.kubesim.controllers.ControllerFactory;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.OwnerRefs;

/**
 * The DaemonSet controller ({@code daemonset}, events from {@code daemonset-controller}): watches
 * DaemonSets, their pods (by controller reference) and nodes (a node change enqueues the sets whose
 * placement on it changes).
 */
public final class DaemonSetControllerFactory implements ControllerFactory {

    public static final String COMPONENT = "daemonset-controller";

    @Override
    public String name() {
        return "daemonset";
    }

    @Override
    public Controller create(ControllerContext context) {
        var informers = context.informers();
        ObjectStore<DaemonSet> daemonSets = context.store(DaemonSet.class);
        ObjectStore<Node> nodes = context.store(Node.class);
        ObjectStore<Pod> pods = context.store(Pod.class, DaemonSetReconciler.PODS_BY_CONTROLLER);
        DaemonSetReconciler reconciler = new DaemonSetReconciler(daemonSets, nodes, pods,
                new Fabric8DaemonSetWriter(context.client()), context.events(COMPONENT),
                context.clock());
        Controller controller = context.controller(name(), reconciler);
        informers.of(DaemonSet.class).addEventHandler(controller.ownKeyHandler());
        informers.of(Pod.class).addEventHandler(controller.<Pod>handler(pod -> OwnerRefs.controllerOf(pod)
                .filter(r -> "DaemonSet".equals(r.getKind()) && "apps/v1".equals(r.getApiVersion()))
                .map(r -> List.of(Keys.of(pod.getMetadata().getNamespace(), r.getName())))
                .orElse(List.of())));
        informers.of(Node.class).addEventHandler(new NodeHandler(controller, daemonSets));
        return controller;
    }

    /** Enqueues every set on node additions and removals, and the sets whose eligibility changed on updates. */
    private record NodeHandler(Controller controller, ObjectStore<DaemonSet> daemonSets)
            implements ResourceEventHandler<Node> {

        @Override
        public void onAdd(Node node) {
            daemonSets.list(null).forEach(ds -> controller.enqueue(Keys.of(ds)));
        }

        @Override
        public void onUpdate(Node old, Node node) {
            if (Objects.equals(old.getMetadata().getLabels(), node.getMetadata().getLabels())
                    && Objects.equals(old.getSpec(), node.getSpec())) {
                return;
            }
            for (DaemonSet ds : daemonSets.list(null)) {
                if (!NodeEligibility.of(old, ds).equals(NodeEligibility.of(node, ds))) {
                    controller.enqueue(Keys.of(ds));
                }
            }
        }

        @Override
        public void onDelete(Node node, boolean deletedFinalStateUnknown) {
            onAdd(node);
        }
    }
}
