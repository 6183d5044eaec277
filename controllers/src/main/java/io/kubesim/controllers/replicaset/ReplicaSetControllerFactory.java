package io.kubesim.controllers.replicaset;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubesim.controllers.ControllerContext;
import io.kubesim.controllers.ControllerFactory;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.support.ControllerExpectations;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.OwnedPodHandler;
import io.kubesim.controllers.support.OwnerResolver;
import io.kubesim.controllers.support.WorkerPools;

/**
 * The {@code replicaset} controller of the controller-manager: ReplicaSet and pod informers
 * feeding a {@link ReplicaSetReconciler} that reports events as {@code replicaset-controller}.
 */
public final class ReplicaSetControllerFactory implements ControllerFactory {

    public static final String COMPONENT = "replicaset-controller";

    /** Concurrent pod creations/deletions across all workers; the slow-start batches draw from these. */
    static final int POD_OPERATION_THREADS = 32;

    @Override
    public String name() {
        return "replicaset";
    }

    @Override
    public Controller create(ControllerContext context) {
        ObjectStore<ReplicaSet> replicaSets = context.store(ReplicaSet.class);
        ObjectStore<Pod> pods = context.store(Pod.class);
        ControllerExpectations expectations = new ControllerExpectations(context.clock());
        ReplicaSetReconciler reconciler = new ReplicaSetReconciler(replicaSets, pods,
                new Fabric8ReplicaSetWriter(context.client()), context.events(COMPONENT), expectations,
                WorkerPools.create("replicaset-pod-ops", POD_OPERATION_THREADS), context.clock());
        Controller controller = context.controller(name(), reconciler);
        context.informers().of(ReplicaSet.class).addEventHandler(new ResourceEventHandler<ReplicaSet>() {
            @Override
            public void onAdd(ReplicaSet rs) {
                controller.enqueue(Keys.of(rs));
            }

            @Override
            public void onUpdate(ReplicaSet old, ReplicaSet cur) {
                controller.enqueue(Keys.of(cur));
            }

            @Override
            public void onDelete(ReplicaSet rs, boolean finalStateUnknown) {
                // A new ReplicaSet with this name must not inherit the old one's expectations.
                expectations.delete(Keys.of(rs));
                controller.enqueue(Keys.of(rs));
            }
        });
        context.informers().of(Pod.class).addEventHandler(
                podHandler(replicaSets, expectations, controller::enqueue, controller::enqueueAfter));
        return controller;
    }

    /**
     * The pod event handler: pods count against the controlling ReplicaSet's expectations, and a
     * pod getting a deletion timestamp counts as deleted, so its replacement is created without
     * waiting for the grace period.
     */
    static OwnedPodHandler<ReplicaSet> podHandler(ObjectStore<ReplicaSet> replicaSets,
                                                  ControllerExpectations expectations, Consumer<String> enqueue,
                                                  BiConsumer<String, Duration> enqueueAfter) {
        return new OwnedPodHandler<>(
                new OwnerResolver<>(replicaSets, ReplicaSetReconciler.KIND, rs -> rs.getSpec().getSelector()),
                rs -> Numbers.orZero(rs.getSpec().getMinReadySeconds()), true, expectations, enqueue, enqueueAfter);
    }
}
