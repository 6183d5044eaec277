package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.ControllerContext;
import io.kubesim.controllers.ControllerFactory;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.support.EventSink;
import io.kubesim.controllers.support.InformerStore;

/**
 * The {@code deployment} controller of the controller-manager: Deployment, ReplicaSet and pod
 * informers feeding a {@link DeploymentReconciler} that reports events as
 * {@code deployment-controller}.
 */
public final class DeploymentControllerFactory implements ControllerFactory {

    @Override
    public String name() {
        return "deployment";
    }

    @Override
    public Controller create(ControllerContext context) {
        InformerStore<Deployment> deployments = InformerStore.of(context.informers(), Deployment.class);
        InformerStore<ReplicaSet> replicaSets = InformerStore.of(context.informers(), ReplicaSet.class);
        InformerStore<Pod> pods = InformerStore.of(context.informers(), Pod.class);
        DeploymentReconciler reconciler = new DeploymentReconciler(deployments, replicaSets, pods,
                new Fabric8DeploymentWriter(context.client()), EventSink.of(context.recorder("deployment-controller")),
                context.clock());
        Controller controller = new Controller(name(), reconciler, context.options().workers(), context.metrics());
        DeploymentHandlers handlers = new DeploymentHandlers(deployments, replicaSets, controller::enqueue);
        context.informers().of(Deployment.class).addEventHandler(controller.ownKeyHandler());
        context.informers().of(ReplicaSet.class).addEventHandler(handlers.replicaSets());
        context.informers().of(Pod.class).addEventHandler(handlers.pods());
        return controller;
    }
}
