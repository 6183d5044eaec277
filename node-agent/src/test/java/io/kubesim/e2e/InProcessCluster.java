package io.kubesim.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.kubesim.certs.ClientIdentity;
import io.kubesim.certs.ClusterPki;
import io.kubesim.certs.PkiLayout;
import io.kubesim.certs.PkiRequest;
import io.kubesim.controllers.ControllerManagerOptions;
import io.kubesim.controllers.ControllerManagerProcess;
import io.kubesim.nodeagent.AgentConfig;
import io.kubesim.nodeagent.NodeAgent;
import io.kubesim.nodeagent.node.NodeSettings;
import io.kubesim.scheduler.SchedulerOptions;
import io.kubesim.scheduler.SchedulerProcess;
import io.kubesim.server.ApiServer;
import io.kubesim.server.ServerConfig;

/**
 * The whole cluster of {@code deploy/up.sh} in this JVM: API server (in-memory storage, HTTPS on a free loopback
 * port), controller-manager, scheduler and one node agent simulating {@code nodes} nodes (the first one the tainted
 * control plane), each component with its own kubeconfig and client certificate, and every metrics or log port
 * picked free. {@link #start} returns once the controller-manager and the scheduler lead; the nodes register on their
 * own. {@link #close} stops everything in reverse order and deletes the data directory. Not thread-safe.
 */
final class InProcessCluster implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Path dataDir;
    private final AtomicBoolean leadershipLost = new AtomicBoolean();
    private ApiServer server;
    private ControllerManagerProcess controllerManager;
    private SchedulerProcess scheduler;
    private NodeAgent agent;

    private InProcessCluster(Path dataDir) {
        this.dataDir = dataDir;
    }

    static InProcessCluster start(int nodes) throws Exception {
        InProcessCluster cluster = new InProcessCluster(Files.createTempDirectory("kubesim-cluster-it"));
        try {
            cluster.startComponents(NodeSettings.defaults().withCount(nodes));
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    private void startComponents(NodeSettings nodes) throws Exception {
        server = ApiServer.start(ServerConfig.defaults(dataDir).withPort(0).withStorage("memory"));
        PkiLayout pki = server.pki();
        // The server issues the admin, controller-manager and scheduler credentials; the node agent's comes from
        // a second run on the same CA, as up.sh does with gen-certs --node.
        String agentNode = nodes.namePrefix() + "control-plane";
        new ClusterPki().ensure(PkiRequest.of(dataDir).withServer(URI.create(server.url()))
                .withExtraSans(server.config().tlsSans()).withNodes(List.of(agentNode)));

        controllerManager = ControllerManagerProcess.start(new ControllerManagerOptions(
                pki.kubeconfig(ClientIdentity.controllerManager()), "127.0.0.1", 0, true, "it_" + UUID.randomUUID(),
                "10.244.0.0/16", 24, Duration.ofSeconds(40), 5), () -> leadershipLost.set(true));
        scheduler = SchedulerProcess.start(new SchedulerOptions(pki.kubeconfig(ClientIdentity.scheduler()),
                "127.0.0.1", 0, true, "default-scheduler"), () -> leadershipLost.set(true));
        agent = NodeAgent.start(AgentConfig.defaults(pki.kubeconfig(ClientIdentity.node(agentNode)))
                .withNodes(nodes).withPorts(0, 0));
        await("controller-manager and scheduler lead").atMost(STARTUP)
                .until(() -> controllerManager.isRunning() && scheduler.isRunning());
    }

    Path adminKubeconfig() {
        return server.pki().adminKubeconfig();
    }

    /** The simulated nodes, control plane first. */
    List<String> nodeNames() {
        return agent.nodeNames();
    }

    /** Whether the controller-manager or the scheduler lost its lease (the real process would have exited). */
    boolean leadershipLost() {
        return leadershipLost.get();
    }

    @Override
    public void close() {
        if (agent != null) {
            agent.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        if (controllerManager != null) {
            controllerManager.close();
        }
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no test failure
        }
    }
}
