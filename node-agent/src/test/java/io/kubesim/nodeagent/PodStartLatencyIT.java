package io.kubesim.nodeagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubesim.controllers.runtime.Clients;
import io.kubesim.nodeagent.node.NodeSettings;
import io.kubesim.server.ApiServer;
import io.kubesim.server.ServerConfig;

/**
 * How fast the agent takes a burst of bound pods to Running with the default stages: 300 pods
 * created at once, spread over 9 workers, each timed from its create call to the first watch event
 * showing it Running. Prints the percentiles; asserts only a generous bound, since shared CI
 * machines vary.
 */
class PodStartLatencyIT {

    private static final int PODS = 300;
    private static final int NODES = 10;

    private static Path dataDir;
    private static ApiServer server;
    private static KubernetesClient client;
    private static NodeAgent agent;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("kubesim-latency-it");
        server = ApiServer.start(ServerConfig.defaults(dataDir).withPort(0).withStorage("memory"));
        Path kubeconfig = server.pki().adminKubeconfig();
        client = Clients.fromKubeconfig(kubeconfig);
        agent = NodeAgent.start(AgentConfig.defaults(kubeconfig).withNodes(NodeSettings.defaults().withCount(NODES))
                .withPorts(0, 0));
        List<String> names = agent.nodeNames();
        for (int i = 0; i < names.size(); i++) {
            String cidr = "10.244." + i + ".0/24";
            client.nodes().withName(names.get(i)).patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"spec\":{\"podCIDR\":\"" + cidr + "\",\"podCIDRs\":[\"" + cidr + "\"]}}");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (agent != null) {
            agent.close();
        }
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aBurstOfPodsRunsQuickly() throws Exception {
        Map<String, Long> createdAt = new ConcurrentHashMap<>();
        Map<String, Long> runningAt = new ConcurrentHashMap<>();
        SharedIndexInformer<Pod> watch = client.pods().inNamespace("default").inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                check(pod);
            }

            @Override
            public void onUpdate(Pod oldPod, Pod pod) {
                check(pod);
            }

            @Override
            public void onDelete(Pod pod, boolean unknown) {
            }

            private void check(Pod pod) {
                if (pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())) {
                    runningAt.putIfAbsent(pod.getMetadata().getName(), System.nanoTime());
                }
            }
        });
        List<String> workers = agent.nodeNames().subList(1, NODES);
        ExecutorService creators = Executors.newFixedThreadPool(8);
        long begin = System.nanoTime();
        for (int i = 0; i < PODS; i++) {
            String name = "burst-" + i;
            String node = workers.get(i % workers.size());
            creators.execute(() -> {
                createdAt.put(name, System.nanoTime());
                client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName(name)
                        .endMetadata().withNewSpec().withNodeName(node).addNewContainer().withName("app")
                        .withImage("nginx:1.27").endContainer().endSpec().build()).create();
            });
        }
        creators.shutdown();
        assertThat(creators.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(90)).until(() -> runningAt.size() == PODS);
        long all = System.nanoTime() - begin;
        watch.close();

        List<Long> millis = new ArrayList<>();
        createdAt.forEach((name, t) -> millis.add((runningAt.get(name) - t) / 1_000_000));
        millis.sort(null);
        System.out.printf("%d pods on %d nodes: all Running after %d ms; start latency p50 %d ms, p95 %d ms, "
                + "p99 %d ms, max %d ms%n", PODS, workers.size(), all / 1_000_000, percentile(millis, 50),
                percentile(millis, 95), percentile(millis, 99), millis.get(millis.size() - 1));
        assertThat(client.pods().inNamespace("default").list().getItems())
                .allSatisfy(p -> assertThat(p.getStatus().getPodIP()).startsWith("10.244."));
        assertThat(client.pods().inNamespace("default").list().getItems().stream().map(p -> p.getStatus().getPodIP())
                .distinct().count()).as("no pod IP handed out twice").isEqualTo(PODS);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
