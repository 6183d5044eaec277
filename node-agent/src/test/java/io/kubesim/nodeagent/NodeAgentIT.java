package io.kubesim.nodeagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubesim.controllers.runtime.Clients;
import io.kubesim.nodeagent.node.NodeSettings;
import io.kubesim.server.ApiServer;
import io.kubesim.server.ServerConfig;

/**
 * End to end against a real API server started in-process: a node agent with two nodes
 * (kubesim-control-plane, kubesim-worker) registers them, keeps their Leases fresh, runs pods
 * bound to them through the default stages (IPs from the pod CIDR this test assigns, as the IPAM
 * controller would), fails bad images, deletes pods after graceful termination, keeps mirror pods
 * and serves container logs.
 */
class NodeAgentIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CONTROL_PLANE = "kubesim-control-plane";
    private static final String WORKER = "kubesim-worker";

    private static Path dataDir;
    private static ApiServer server;
    private static KubernetesClient client;
    private static NodeAgent agent;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("kubesim-node-agent-it");
        server = ApiServer.start(ServerConfig.defaults(dataDir).withPort(0).withStorage("memory"));
        Path kubeconfig = server.pki().adminKubeconfig();
        client = Clients.fromKubeconfig(kubeconfig);
        agent = NodeAgent.start(AgentConfig.defaults(kubeconfig)
                .withNodes(NodeSettings.defaults().withCount(2))
                .withPorts(0, 0)
                .withIntervals(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        setPodCidr(WORKER, "10.244.1.0/24");
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
    void nodesRegisterBecomeReadyAndRenewTheirLeases() {
        assertThat(agent.nodeNames()).containsExactly(CONTROL_PLANE, WORKER);
        for (String name : agent.nodeNames()) {
            await().atMost(WAIT).until(() -> ready(client.nodes().withName(name).get()));
        }
        Node cp = client.nodes().withName(CONTROL_PLANE).get();
        assertThat(cp.getMetadata().getLabels()).containsEntry("node-role.kubernetes.io/control-plane", "")
                .containsEntry("kubernetes.io/hostname", CONTROL_PLANE)
                .containsEntry("topology.kubernetes.io/zone", "zone-a")
                .containsKey("kubesim.io/rack");
        assertThat(cp.getSpec().getTaints()).anySatisfy(t -> {
            assertThat(t.getKey()).isEqualTo("node-role.kubernetes.io/control-plane");
            assertThat(t.getEffect()).isEqualTo("NoSchedule");
        });
        assertThat(cp.getMetadata().getAnnotations())
                .containsEntry("kubesim.io/kubelet-address", "127.0.0.1:" + agent.logsPort());
        assertThat(cp.getStatus().getCapacity().get("pods").toString()).isEqualTo("110");
        assertThat(cp.getStatus().getNodeInfo().getKubeletVersion()).isEqualTo("v1.32.0");
        assertThat(cp.getStatus().getDaemonEndpoints().getKubeletEndpoint().getPort()).isEqualTo(agent.logsPort());

        Lease lease = client.resources(Lease.class).inNamespace("kube-node-lease").withName(WORKER).get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(WORKER);
        assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(40);
        assertThat(lease.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("Node"));
        var firstRenewal = lease.getSpec().getRenewTime();
        await().atMost(WAIT).until(() -> !Objects.equals(firstRenewal, client.resources(Lease.class)
                .inNamespace("kube-node-lease").withName(WORKER).get().getSpec().getRenewTime()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(events("default", WORKER))
                .extracting(Event::getReason).contains("Starting", "NodeHasSufficientMemory", "NodeReady"));
        Event starting = events("default", WORKER).stream().filter(e -> e.getReason().equals("Starting"))
                .findFirst().orElseThrow();
        assertThat(starting.getSource().getComponent()).isEqualTo("kubelet");
        assertThat(starting.getSource().getHost()).isEqualTo(WORKER);
        assertThat(starting.getInvolvedObject().getUid()).isEqualTo(WORKER);
    }

    @Test
    void boundPodRunsWithAnIpFromItsNodesPodCidr() {
        Instant created = Instant.now();
        client.pods().inNamespace("default").resource(pod("web-1", WORKER, "nginx:1.15")).create();
        await().atMost(WAIT).until(() -> phase("web-1").equals("Running"));
        Duration latency = Duration.between(created, Instant.now());
        System.out.println("pod start latency (create to Running observed): " + latency.toMillis() + " ms");

        Pod pod = client.pods().inNamespace("default").withName("web-1").get();
        assertThat(pod.getStatus().getPodIP()).startsWith("10.244.1.");
        assertThat(pod.getStatus().getHostIP()).isEqualTo("172.18.0.3");
        ContainerStatus cs = pod.getStatus().getContainerStatuses().get(0);
        assertThat(cs.getReady()).isTrue();
        assertThat(cs.getContainerID()).matches("containerd://[0-9a-f]{64}");
        assertThat(cs.getImageID()).startsWith("docker.io/library/nginx@sha256:");
        assertThat(pod.getStatus().getConditions()).filteredOn(c -> c.getType().equals("Ready"))
                .singleElement().satisfies(c -> assertThat(c.getStatus()).isEqualTo("True"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(events("default", "web-1")).extracting(Event::getReason)
                .containsSubsequence("Pulling", "Pulled", "Created", "Started"));
        Event pulled = events("default", "web-1").stream().filter(e -> e.getReason().equals("Pulled")).findFirst()
                .orElseThrow();
        assertThat(pulled.getMessage()).startsWith("Successfully pulled image \"nginx:1.15\" in ");
        assertThat(pulled.getInvolvedObject().getFieldPath()).isEqualTo("spec.containers{nginx}");
        assertThat(pulled.getSource().getHost()).isEqualTo(WORKER);
    }

    @Test
    void podWaitsForThePodCidrOfItsNode() {
        client.pods().inNamespace("default").resource(pod("on-cp", CONTROL_PLANE, "nginx:1.15")).create();
        setPodCidr(CONTROL_PLANE, "10.244.0.0/24");
        await().atMost(WAIT).until(() -> phase("on-cp").equals("Running"));
        assertThat(client.pods().inNamespace("default").withName("on-cp").get().getStatus().getPodIP())
                .startsWith("10.244.0.");
    }

    @Test
    void failingImageGoesToErrImagePullThenImagePullBackOff() {
        client.pods().inNamespace("default").resource(pod("broken", WORKER, "nginx:nonexistent")).create();
        await().atMost(WAIT).until(() -> "ErrImagePull".equals(waitingReason("broken")));
        await().atMost(WAIT).until(() -> "ImagePullBackOff".equals(waitingReason("broken")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(events("default", "broken")).extracting(Event::getReason)
                .containsSubsequence("Pulling", "Failed", "BackOff"));
        assertThat(events("default", "broken")).extracting(Event::getMessage)
                .contains("Error: ErrImagePull", "Back-off pulling image \"nginx:nonexistent\"");
    }

    @Test
    void deletedPodIsRemovedAfterGracefulTermination() {
        client.pods().inNamespace("default").resource(pod("doomed", WORKER, "nginx:1.15")).create();
        await().atMost(WAIT).until(() -> phase("doomed").equals("Running"));
        List<Pod> seen = new CopyOnWriteArrayList<>();
        Watch watch = client.pods().inNamespace("default").withName("doomed").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                seen.add(pod);
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
        try {
            client.pods().inNamespace("default").withName("doomed").delete();
            await().atMost(WAIT).until(() -> client.pods().inNamespace("default").withName("doomed").get() == null);
        } finally {
            watch.close();
        }
        assertThat(seen).as("terminating, containers stopped, before it went away").anySatisfy(p -> {
            assertThat(p.getMetadata().getDeletionTimestamp()).isNotNull();
            assertThat(p.getStatus().getContainerStatuses().get(0).getState().getTerminated()).isNotNull();
        });
        assertThat(events("default", "doomed")).extracting(Event::getReason).contains("Killing");
        assertThat(events("default", "doomed")).extracting(Event::getMessage).contains("Stopping container nginx");
    }

    @Test
    void logEndpointServesContainerOutputAndKubeletErrors() throws Exception {
        client.pods().inNamespace("default").resource(pod("logger", WORKER, "nginx:1.27")).create();
        await().atMost(WAIT).until(() -> phase("logger").equals("Running"));
        HttpResponse<String> all = get("/containerLogs/default/logger/nginx");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("/docker-entrypoint.sh: Configuration complete; ready for start up")
                .contains("nginx/1.27");
        HttpResponse<String> tail = get("/containerLogs/default/logger/nginx?tailLines=1&timestamps=true");
        assertThat(tail.body().lines().toList()).singleElement()
                .satisfies(l -> assertThat(l).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z .*"));
        HttpResponse<String> missing = get("/containerLogs/default/nobody/nginx");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("pod \"nobody\" does not exist");
        HttpResponse<String> previous = get("/containerLogs/default/logger/nginx?previous=true");
        assertThat(previous.statusCode()).isEqualTo(400);
        assertThat(previous.body()).isEqualTo("previous terminated container \"nginx\" in pod \"logger\" not found");
    }

    @Test
    void controlPlaneNodeHasMirrorPodsThatComeBack() {
        String name = "kube-scheduler-" + CONTROL_PLANE;
        await().atMost(WAIT).until(() -> {
            Pod p = client.pods().inNamespace("kube-system").withName(name).get();
            return p != null && p.getStatus() != null && "Running".equals(p.getStatus().getPhase());
        });
        Pod mirror = client.pods().inNamespace("kube-system").withName(name).get();
        assertThat(mirror.getMetadata().getAnnotations()).containsKey("kubernetes.io/config.mirror")
                .containsEntry("kubernetes.io/config.source", "file");
        assertThat(mirror.getMetadata().getLabels()).containsEntry("component", "kube-scheduler")
                .containsEntry("tier", "control-plane");
        assertThat(mirror.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("Node"));
        assertThat(mirror.getSpec().getPriority()).isEqualTo(2000001000);
        assertThat(mirror.getStatus().getPodIP()).isEqualTo("172.18.0.2");

        String uid = mirror.getMetadata().getUid();
        client.pods().inNamespace("kube-system").withName(name).delete();
        await().atMost(WAIT).until(() -> {
            Pod p = client.pods().inNamespace("kube-system").withName(name).get();
            return p != null && !p.getMetadata().getUid().equals(uid) && p.getStatus() != null
                    && "Running".equals(p.getStatus().getPhase());
        });
    }

    @Test
    void metricsEndpointCountsRunningPods() throws Exception {
        client.pods().inNamespace("default").resource(pod("counted", WORKER, "nginx:1.15")).create();
        await().atMost(WAIT).until(() -> phase("counted").equals("Running"));
        await().atMost(WAIT).untilAsserted(() -> {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.metricsPort()
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("kubelet_running_pods{node=\"kubesim-worker\"}")
                    .contains("kubelet_pod_start_duration_seconds_count")
                    .contains("kubesim_stage_transitions_total{kind=\"Pod\",stage=\"pod-ready\"}");
        });
    }

    private static Pod pod(String name, String node, String image) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("nginx").withImage(image).endContainer()
                .endSpec().build();
    }

    private static void setPodCidr(String node, String cidr) {
        client.nodes().withName(node).patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"podCIDR\":\"" + cidr + "\",\"podCIDRs\":[\"" + cidr + "\"]}}");
    }

    private static boolean ready(Node node) {
        return node != null && node.getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    private static String phase(String pod) {
        Pod p = client.pods().inNamespace("default").withName(pod).get();
        return p == null || p.getStatus() == null || p.getStatus().getPhase() == null ? "" : p.getStatus().getPhase();
    }

    private static String waitingReason(String pod) {
        Pod p = client.pods().inNamespace("default").withName(pod).get();
        if (p == null || p.getStatus() == null || p.getStatus().getContainerStatuses().isEmpty()) {
            return "";
        }
        ContainerStatus cs = p.getStatus().getContainerStatuses().get(0);
        return cs.getState().getWaiting() == null ? "" : cs.getState().getWaiting().getReason();
    }

    /** Events about {@code name}, oldest first (by resource version, i.e. write order). */
    private static List<Event> events(String namespace, String name) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()))
                .sorted(Comparator.comparingLong(e -> Long.parseLong(e.getMetadata().getResourceVersion())))
                .toList();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.logsPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
