package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.ControllerContext;
import io.kubesim.controllers.ControllerFactory;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.support.ObjectStore;

/**
 * The {@code deployment} controller of the controller-manager: Deployment, ReplicaSet and pod
 * informers feeding a {@link DeploymentReconciler} that reports events as
 * {@code deployment-controller}.
 */
public final class DeploymentControllerFactory implements ControllerFactory {

    public static final String COMPONENT = "deployment-controller";

    @Override
    public String name() {
        return "deployment";
    }

    @Override
    public Controller create(ControllerContext context) {
        ObjectStore<Deployment> deployments = context.store(Deployment.class);
        ObjectStore<ReplicaSet> replicaSets = context.store(ReplicaSet.class);
        ObjectStore<Pod> pods = context.store(Pod.class);
        DeploymentReconciler reconciler = new DeploymentReconciler(deployments, replicaSets, pods,
                new Fabric8DeploymentWriter(context.client()), context.events(COMPONENT), context.clock());
        Controller controller = context.controller(name(), reconciler);
        DeploymentHandlers handlers = new DeploymentHandlers(deployments, replicaSets, controller::enqueue);
        context.informers().of(Deployment.class).addEventHandler(controller.ownKeyHandler());
        context.informers().of(ReplicaSet.class).addEventHandler(handlers.replicaSets());
        context.informers().of(Pod.class).addEventHandler(handlers.pods());
        return controller;
    }
}
