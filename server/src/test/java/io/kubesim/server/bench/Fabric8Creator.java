package io.kubesim.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubesim.server.ApiServer;

/**
 * Pod creates through one shared Fabric8 client from the admin kubeconfig, as a controller would
 * issue them: a typed {@link Pod} per request and the blocking {@code create()}, on one thread per
 * concurrent client ({@code bench-fabric8-N}). It measures the client as much as the server.
 * Thread-safe.
 */
final class Fabric8Creator implements PodCreator {

    private final KubernetesClient client;
    private final int clients;
    private final ExecutorService callers;

    Fabric8Creator(ApiServer server, int clients) {
        try {
            Config config = Config.fromKubeconfig(Files.readString(server.pki().adminKubeconfig()));
            config.setMaxConcurrentRequests(clients * 2);
            config.setMaxConcurrentRequestsPerHost(clients * 2);
            client = new KubernetesClientBuilder().withConfig(config).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.clients = clients;
        AtomicInteger n = new AtomicInteger();
        this.callers = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "bench-fabric8-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void connect() {
        client.getKubernetesVersion();
    }

    @Override
    public CompletionStage<Pod> create(int ignored, String namespace, String name, boolean dryRun) {
        return CompletableFuture.supplyAsync(() -> client.pods().inNamespace(namespace).resource(
                client.getKubernetesSerialization().unmarshal(PodBodies.json(namespace, name), Pod.class))
                .dryRun(dryRun).create(), callers);
    }

    @Override
    public String describe() {
        return "Fabric8 KubernetesClient (" + client.getHttpClient().getClass().getName()
                + "), typed Pod per request, " + clients
                + " calling threads sharing it";
    }

    @Override
    public void close() {
        callers.shutdownNow();
        client.close();
    }
}
