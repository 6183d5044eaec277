package io.kubesim.controllers.namespace;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubesim.controllers.ControllerContext;
import io.kubesim.controllers.ControllerFactory;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.support.ObjectStore;

/**
 * The namespace controller ({@code namespace}): watches namespaces, and pod deletions in
 * terminating namespaces so that a namespace waiting for its pods is finalized as soon as the last
 * one goes rather than at the next estimate.
 */
public final class NamespaceControllerFactory implements ControllerFactory {

    @Override
    public String name() {
        return "namespace";
    }

    @Override
    public Controller create(ControllerContext context) {
        ObjectStore<Namespace> namespaces = context.store(Namespace.class);
        Fabric8NamespaceClient client = new Fabric8NamespaceClient(context.client());
        Controller controller = context.controller(name(),
                new NamespaceReconciler(namespaces, client, client, context.clock()));
        context.informers().of(Namespace.class).addEventHandler(controller.ownKeyHandler());
        context.informers().of(Pod.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
            }

            @Override
            public void onUpdate(Pod oldPod, Pod pod) {
            }

            @Override
            public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                Namespace ns = namespaces.get(null, pod.getMetadata().getNamespace());
                if (ns != null && ns.getMetadata().getDeletionTimestamp() != null) {
                    controller.enqueue(ns.getMetadata().getName());
                }
            }
        });
        return controller;
    }
}
