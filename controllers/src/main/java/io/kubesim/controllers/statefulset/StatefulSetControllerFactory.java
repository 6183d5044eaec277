package io.kubesim.controllers.statefulset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.kubesim.controllers.ControllerContext;
import io.kubesim.controllers.ControllerFactory;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.OwnedPodHandler;
import io.kubesim.controllers.support.OwnerResolver;
import io.kubesim.controllers.support.WorkerPools;

/**
 * The {@code statefulset} controller of the controller-manager: StatefulSet and pod informers
 * feeding a {@link StatefulSetReconciler} that reports events as {@code statefulset-controller}.
 */
public final class StatefulSetControllerFactory implements ControllerFactory {

    public static final String COMPONENT = "statefulset-controller";

    /** Concurrent pod operations of Parallel StatefulSets across all workers. */
    static final int POD_OPERATION_THREADS = 16;

    @Override
    public String name() {
        return "statefulset";
    }

    @Override
    public Controller create(ControllerContext context) {
        ObjectStore<StatefulSet> sets = context.store(StatefulSet.class);
        ObjectStore<Pod> pods = context.store(Pod.class);
        Fabric8StatefulSetWriter writer = new Fabric8StatefulSetWriter(context.client());
        StatefulPodControl control = new StatefulPodControl(writer, context.events(COMPONENT));
        StatefulSetReconciler reconciler = new StatefulSetReconciler(sets, pods, writer, new StatefulSetUpdater(control,
                WorkerPools.create("statefulset-pod-ops", POD_OPERATION_THREADS), context.clock()));
        Controller controller = context.controller(name(), reconciler);
        context.informers().of(StatefulSet.class).addEventHandler(controller.ownKeyHandler());
        context.informers().of(Pod.class).addEventHandler(
                new OwnedPodHandler<>(new OwnerResolver<>(sets, StatefulPods.KIND, set -> set.getSpec().getSelector()),
                        set -> Numbers.orZero(set.getSpec().getMinReadySeconds()), false,
                        OwnedPodHandler.DependentObserver.NONE, controller::enqueue, controller::enqueueAfter));
        return controller;
    }
}
