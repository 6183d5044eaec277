package io.kubesim.scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubesim.controllers.runtime.Clients;
import io.kubesim.server.ApiServer;
import io.kubesim.server.ServerConfig;

/**
 * A real API server in-process for scheduler end-to-end tests and the benchmark: in-memory storage on a free port,
 * request logging turned down, an admin client, and the scheduler's own kubeconfig. Close to stop it and delete its
 * data directory.
 */
public final class TestCluster implements AutoCloseable {

    private static final Logger SERVER_LOG = Logger.getLogger("io.kubesim.server");

    private final Path dataDir;
    private final ApiServer server;
    private final KubernetesClient admin;

    private TestCluster(Path dataDir, ApiServer server) {
        this.dataDir = dataDir;
        this.server = server;
        this.admin = Clients.fromKubeconfig(server.pki().adminKubeconfig());
    }

    public static TestCluster start() {
        // One log line per request would dominate a benchmark of thousands of requests.
        SERVER_LOG.setLevel(Level.WARNING);
        try {
            Path dir = Files.createTempDirectory("kubesim-scheduler");
            return new TestCluster(dir, ApiServer.start(ServerConfig.defaults(dir).withPort(0).withStorage("memory")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the API server", e);
        }
    }

    public KubernetesClient admin() {
        return admin;
    }

    /** The kubeconfig of the scheduler's identity (system:kube-scheduler). */
    public Path schedulerKubeconfig() {
        return dataDir.resolve("scheduler.kubeconfig");
    }

    /**
     * Registers a Ready node with {@code cpu} CPUs, 16Gi memory and 110 pods, its hostname, {@code labels} and
     * {@code taints}; {@code cordoned} sets {@code spec.unschedulable}.
     */
    public Node createNode(String name, String cpu, Map<String, String> labels, List<Taint> taints,
                           boolean cordoned) {
        Node node = new NodeBuilder()
                .withNewMetadata().withName(name).addToLabels("kubernetes.io/hostname", name).addToLabels(labels)
                .endMetadata()
                .withNewSpec().withTaints(taints).withUnschedulable(cordoned ? true : null).endSpec()
                .build();
        Node created = admin.nodes().resource(node).create();
        created.setStatus(new NodeBuilder().withNewStatus()
                .addToCapacity("cpu", new Quantity(cpu)).addToCapacity("memory", new Quantity("16Gi"))
                .addToCapacity("pods", new Quantity("110")).addToCapacity("ephemeral-storage", new Quantity("100Gi"))
                .addToAllocatable("cpu", new Quantity(cpu)).addToAllocatable("memory", new Quantity("16Gi"))
                .addToAllocatable("pods", new Quantity("110"))
                .addToAllocatable("ephemeral-storage", new Quantity("100Gi"))
                .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                    .withMessage("kubelet is posting ready status").endCondition()
                .endStatus().build().getStatus());
        return admin.nodes().resource(created).updateStatus();
    }

    @Override
    public void close() {
        admin.close();
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless.
        }
    }
}
