package io.kubesim.controllers;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kubesim.controllers.daemonset.DaemonSetControllerFactory;
import io.kubesim.controllers.deployment.DeploymentControllerFactory;
import io.kubesim.controllers.endpoints.EndpointsControllerFactory;
import io.kubesim.controllers.gc.GarbageCollectorFactory;
import io.kubesim.controllers.namespace.NamespaceControllerFactory;
import io.kubesim.controllers.nodeipam.NodeIpamControllerFactory;
import io.kubesim.controllers.nodelifecycle.NodeLifecycleControllerFactory;
import io.kubesim.controllers.nodelifecycle.TaintEvictionControllerFactory;
import io.kubesim.controllers.podgc.PodGcControllerFactory;
import io.kubesim.controllers.replicaset.ReplicaSetControllerFactory;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.statefulset.StatefulSetControllerFactory;

/**
 * The set of controllers the controller-manager runs. Each controller is one factory in
 * {@link #FACTORIES}; {@link #start} builds them all, waits for the shared caches and starts the
 * workers. Not thread-safe; used from the main thread.
 */
public final class ControllerManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerManager.class);

    /** Every controller, in start order. */
    static final List<ControllerFactory> FACTORIES = List.of(
            new ReplicaSetControllerFactory(),
            new DeploymentControllerFactory(),
            new StatefulSetControllerFactory(),
            new DaemonSetControllerFactory(),
            new GarbageCollectorFactory(),
            new NamespaceControllerFactory(),
            new NodeIpamControllerFactory(),
            new NodeLifecycleControllerFactory(),
            new TaintEvictionControllerFactory(),
            new PodGcControllerFactory(),
            new EndpointsControllerFactory());

    private final ControllerContext context;
    private final List<Controller> running = new ArrayList<>();

    public ControllerManager(ControllerContext context) {
        this.context = context;
    }

    /** Builds every controller, syncs the informers and starts the workers. */
    public void start() throws Exception {
        List<Controller> built = new ArrayList<>();
        for (ControllerFactory f : FACTORIES) {
            built.add(f.create(context));
        }
        context.informers().awaitSynced(java.time.Duration.ofMinutes(2));
        for (Controller c : built) {
            c.start();
            running.add(c);
        }
        LOG.info("started {} controllers", running.size());
    }

    @Override
    public void close() {
        running.forEach(Controller::close);
        running.clear();
    }
}
