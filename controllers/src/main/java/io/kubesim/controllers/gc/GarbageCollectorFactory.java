package io.kubesim.controllers.gc;

import java.util.concurrent.atomic.AtomicReference;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.controllers.ControllerContext;
import io.kubesim.controllers.ControllerFactory;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.support.ServedKind;

/**
 * The garbage collector ({@code garbagecollector}): one graph over the informers of every served
 * kind that can own or depend (all but Events), one work queue of uids.
 */
public final class GarbageCollectorFactory implements ControllerFactory {

    @Override
    public String name() {
        return "garbagecollector";
    }

    @Override
    public Controller create(ControllerContext context) {
        DependencyGraph graph = new DependencyGraph();
        AtomicReference<Controller> self = new AtomicReference<>();
        GarbageCollectorReconciler reconciler = new GarbageCollectorReconciler(graph,
                new Fabric8OwnerLookup(context.client()), new Fabric8GcWriter(context.client()),
                uid -> self.get().enqueue(uid));
        Controller controller = context.controller(name(), reconciler);
        self.set(controller);
        for (ServedKind kind : ServedKind.ALL) {
            if (!kind.kind().equals("Event")) {
                register(context, kind, kind.type(), graph, controller);
            }
        }
        return controller;
    }

    private static <T extends HasMetadata> void register(ControllerContext context, ServedKind kind, Class<T> type,
                                                         DependencyGraph graph, Controller controller) {
        context.informers().of(type).addEventHandler(new GraphBuilder<T>(kind, graph, controller::enqueue));
    }
}
