package io.kubesim.controllers.endpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubesim.controllers.ControllerContext;
import io.kubesim.controllers.ControllerFactory;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.support.ApiErrors;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.Pods;

/**
 * The endpoints controller ({@code endpoint}, events from {@code endpoint-controller}): a pod
 * change queues the services selecting the pod before or after it, when something the Endpoints
 * show changed; every Endpoints seen is queued once so leftovers of deleted services go.
 */
public final class EndpointsControllerFactory implements ControllerFactory {

    public static final String COMPONENT = "endpoint-controller";

    @Override
    public String name() {
        return "endpoint";
    }

    @Override
    public Controller create(ControllerContext context) {
        var informers = context.informers();
        ObjectStore<Service> services = context.store(Service.class);
        ObjectStore<Pod> pods = context.store(Pod.class);
        ObjectStore<Endpoints> endpoints = context.store(Endpoints.class);
        EndpointsReconciler reconciler = new EndpointsReconciler(services, pods, endpoints,
                new Fabric8Writer(context.client()), context.events(COMPONENT));
        Controller controller = context.controller(name(), reconciler);
        informers.of(Service.class).addEventHandler(controller.ownKeyHandler());
        informers.of(Endpoints.class).addEventHandler(controller.ownKeyHandler());
        informers.of(Pod.class).addEventHandler(new PodHandler(controller, services));
        return controller;
    }

    /** Queues the services of a pod whose labels, address, readiness or lifecycle changed. */
    private record PodHandler(Controller controller, ObjectStore<Service> services)
            implements ResourceEventHandler<Pod> {

        @Override
        public void onAdd(Pod pod) {
            enqueue(pod, null);
        }

        @Override
        public void onUpdate(Pod old, Pod pod) {
            if (relevantChange(old, pod)) {
                enqueue(pod, old);
            }
        }

        @Override
        public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
            enqueue(pod, null);
        }

        private void enqueue(Pod pod, Pod old) {
            List<String> keys = new ArrayList<>();
            for (Service svc : services.list(pod.getMetadata().getNamespace())) {
                var selector = svc.getSpec().getSelector();
                if (selector != null && !selector.isEmpty() && (EndpointsReconciler.selects(selector, pod)
                        || (old != null && EndpointsReconciler.selects(selector, old)))) {
                    keys.add(Keys.of(svc));
                }
            }
            keys.forEach(controller::enqueue);
        }

        private static boolean relevantChange(Pod a, Pod b) {
            return !Objects.equals(a.getMetadata().getLabels(), b.getMetadata().getLabels())
                    || !Objects.equals(a.getMetadata().getDeletionTimestamp(), b.getMetadata().getDeletionTimestamp())
                    || Pods.isReady(a) != Pods.isReady(b)
                    || !Objects.equals(Pods.phase(a), Pods.phase(b))
                    || !Objects.equals(Pods.nodeName(a), Pods.nodeName(b))
                    || !Objects.equals(a.getStatus() == null ? null : a.getStatus().getPodIP(),
                            b.getStatus() == null ? null : b.getStatus().getPodIP())
                    || !Objects.equals(Pods.condition(a, Pods.READY).map(c -> c.getLastTransitionTime()),
                            Pods.condition(b, Pods.READY).map(c -> c.getLastTransitionTime()));
        }
    }

    /** {@link EndpointsWriter} over the Fabric8 client. */
    private record Fabric8Writer(KubernetesClient client) implements EndpointsWriter {

        @Override
        public void create(Endpoints endpoints) {
            client.endpoints().inNamespace(endpoints.getMetadata().getNamespace()).resource(endpoints).create();
        }

        @Override
        public void update(Endpoints endpoints) {
            client.endpoints().inNamespace(endpoints.getMetadata().getNamespace()).resource(endpoints).update();
        }

        @Override
        public void delete(String namespace, String name) {
            try {
                client.endpoints().inNamespace(namespace).withName(name).delete();
            } catch (KubernetesClientException e) {
                if (!ApiErrors.isNotFound(e)) {
                    throw e;
                }
            }
        }
    }
}
