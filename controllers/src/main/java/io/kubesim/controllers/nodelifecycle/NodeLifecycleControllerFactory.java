package io.kubesim.controllers.nodelifecycle;

import java.util.List;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.kubesim.controllers.ControllerContext;
import io.kubesim.controllers.ControllerFactory;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.support.Nodes;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.StoreIndex;

/**
 * The node lifecycle controller ({@code nodelifecycle}, events from {@code node-controller}):
 * node health from Leases and Ready heartbeats, condition-driven taints, cordon taints. A Lease
 * renewal wakes a node only while it is not Ready; healthy nodes are rechecked when their grace
 * period would run out.
 */
public final class NodeLifecycleControllerFactory implements ControllerFactory {

    public static final String COMPONENT = "node-controller";

    @Override
    public String name() {
        return "nodelifecycle";
    }

    @Override
    public Controller create(ControllerContext context) {
        var informers = context.informers();
        ObjectStore<Node> nodes = context.store(Node.class);
        NodeHealthReconciler reconciler = new NodeHealthReconciler(nodes, context.store(Lease.class),
                context.store(Pod.class, StoreIndex.PODS_BY_NODE),
                new Fabric8NodeLifecycleWriter(context.client()), context.events(COMPONENT),
                context.clock(), context.options().nodeMonitorGracePeriod());
        Controller controller = context.controller(name(), reconciler);
        informers.of(Node.class).addEventHandler(controller.ownKeyHandler());
        informers.of(Lease.class).addEventHandler(controller.<Lease>handler(lease -> {
            if (!NodeHealthReconciler.LEASE_NAMESPACE.equals(lease.getMetadata().getNamespace())) {
                return List.of();
            }
            Node node = nodes.get(null, lease.getMetadata().getName());
            return node != null && !Nodes.isReady(node) ? List.of(lease.getMetadata().getName()) : List.of();
        }));
        return controller;
    }
}
