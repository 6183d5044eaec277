package io.kubesim.controllers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubesim.controllers.daemonset.DaemonPods;
import io.kubesim.controllers.daemonset.DaemonSetControllerFactory;
import io.kubesim.controllers.endpoints.EndpointsControllerFactory;
import io.kubesim.controllers.gc.GarbageCollectorFactory;
import io.kubesim.controllers.namespace.NamespaceControllerFactory;
import io.kubesim.controllers.nodeipam.NodeIpamControllerFactory;
import io.kubesim.controllers.nodelifecycle.NodeLifecycleControllerFactory;
import io.kubesim.controllers.nodelifecycle.TaintEvictionControllerFactory;
import io.kubesim.controllers.podgc.PodGcControllerFactory;
import io.kubesim.controllers.runtime.Clients;
import io.kubesim.controllers.runtime.ComponentMetrics;
import io.kubesim.controllers.runtime.Controller;
import io.kubesim.controllers.runtime.InformerSet;
import io.kubesim.server.ApiServer;
import io.kubesim.server.ServerConfig;

/**
 * The controllers of this module against a real API server in-process, over HTTPS. The test plays
 * the kubelets: it creates nodes, renews their Leases (except for the node meant to fall silent)
 * and finishes terminating pods where a kubelet would.
 */
class ControllersIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Duration GRACE = Duration.ofSeconds(4);

    private static Path dataDir;
    private static ApiServer server;
    private static KubernetesClient client;
    private static KubernetesClient controllerClient;
    private static ControllerContext context;
    private static final List<Controller> controllers = new ArrayList<>();
    private static final Set<String> heartbeating = ConcurrentHashMap.newKeySet();
    private static ScheduledExecutorService kubelet;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("kubesim-controllers-it");
        server = ApiServer.start(ServerConfig.defaults(dataDir).withPort(0).withStorage("memory"));
        Path kubeconfig = server.pki().adminKubeconfig();
        client = Clients.fromKubeconfig(kubeconfig);
        controllerClient = Clients.fromKubeconfig(kubeconfig);
        ControllerManagerOptions options = new ControllerManagerOptions(kubeconfig, "127.0.0.1", 0, false, "it",
                "10.244.0.0/16", 24, GRACE, 2);
        context = new ControllerContext(controllerClient, new InformerSet(controllerClient), new ComponentMetrics(),
                Clock.systemUTC(), options);
        for (ControllerFactory f : List.of(new DaemonSetControllerFactory(), new GarbageCollectorFactory(),
                new NamespaceControllerFactory(), new NodeIpamControllerFactory(), new NodeLifecycleControllerFactory(),
                new TaintEvictionControllerFactory(), new PodGcControllerFactory(), new EndpointsControllerFactory())) {
            controllers.add(f.create(context));
        }
        context.informers().awaitSynced(Duration.ofSeconds(30));
        controllers.forEach(Controller::start);
        kubelet = Executors.newSingleThreadScheduledExecutor();
        kubelet.scheduleAtFixedRate(ControllersIT::renewLeases, 0, 1, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (kubelet != null) {
            kubelet.shutdownNow();
        }
        controllers.forEach(Controller::close);
        if (context != null) {
            context.informers().close();
            context.close();
        }
        if (controllerClient != null) {
            controllerClient.close();
        }
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void daemonSetRunsOnePodPerNodeAndFollowsNodesAndTaints() {
        createNode("ds-1", Map.of("pool", "ds"));
        createNode("ds-2", Map.of("pool", "ds"));
        namespace("ds-test");
        client.apps().daemonSets().inNamespace("ds-test").resource(new DaemonSetBuilder()
                .withNewMetadata().withName("agent").endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", "agent").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "agent").endMetadata()
                .withNewSpec().addToNodeSelector("pool", "ds").addNewContainer().withName("agent")
                .withImage("agent:1").endContainer().endSpec().endTemplate().endSpec().build()).create();

        await().atMost(WAIT).untilAsserted(() -> assertThat(daemonNodes()).containsExactlyInAnyOrder("ds-1", "ds-2"));
        Pod pod = client.pods().inNamespace("ds-test").list().getItems().get(0);
        assertThat(pod.getMetadata().getName()).matches("agent-[a-z0-9]{5}");
        assertThat(pod.getMetadata().getLabels()).containsKeys("controller-revision-hash", "pod-template-generation");
        assertThat(pod.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(r -> assertThat(r.getKind()).isEqualTo("DaemonSet"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventMessages("ds-test", "SuccessfulCreate"))
                .contains("Created pod: " + pod.getMetadata().getName()));

        createNode("ds-3", Map.of("pool", "ds"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(daemonNodes())
                .containsExactlyInAnyOrder("ds-1", "ds-2", "ds-3"));

        client.nodes().withName("ds-2").edit(n -> new NodeBuilder(n).editSpec().addNewTaint().withKey("maintenance")
                .withEffect("NoExecute").endTaint().endSpec().build());
        await().atMost(WAIT).untilAsserted(() -> assertThat(daemonNodes()).containsExactlyInAnyOrder("ds-1", "ds-3"));
        await().atMost(WAIT).untilAsserted(() -> {
            DaemonSet ds = client.apps().daemonSets().inNamespace("ds-test").withName("agent").get();
            assertThat(ds.getStatus().getDesiredNumberScheduled()).isEqualTo(2);
            assertThat(ds.getStatus().getCurrentNumberScheduled()).isEqualTo(2);
            assertThat(ds.getStatus().getObservedGeneration()).isEqualTo(1L);
        });
        assertThat(eventMessages("ds-test", "SuccessfulDelete")).hasSize(1);
    }

    @Test
    void garbageCollectorHonoursBackgroundForegroundAndOrphanDeletion() {
        namespace("gc-test");
        ReplicaSet background = replicaSetWithPods("gc-test", "bg", 2);
        client.apps().replicaSets().inNamespace("gc-test").withName("bg")
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        await().atMost(WAIT).untilAsserted(() -> assertThat(podsOf("gc-test", background)).isEmpty());

        ReplicaSet foreground = replicaSetWithPods("gc-test", "fg", 2);
        client.apps().replicaSets().inNamespace("gc-test").withName("fg")
                .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(podsOf("gc-test", foreground)).isEmpty();
            assertThat(client.apps().replicaSets().inNamespace("gc-test").withName("fg").get()).isNull();
        });

        ReplicaSet orphaning = replicaSetWithPods("gc-test", "or", 2);
        client.apps().replicaSets().inNamespace("gc-test").withName("or")
                .withPropagationPolicy(DeletionPropagation.ORPHAN).delete();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(client.apps().replicaSets().inNamespace("gc-test").withName("or").get()).isNull());
        List<Pod> orphans = client.pods().inNamespace("gc-test").withLabel("rs", "or").list().getItems();
        assertThat(orphans).hasSize(2).allSatisfy(p -> assertThat(p.getMetadata().getOwnerReferences()).isEmpty());
    }

    @Test
    void namespaceDeletionRemovesContentThenTheNamespace() {
        createNode("ns-node", Map.of());
        namespace("ns-test");
        client.configMaps().inNamespace("ns-test").resource(new ConfigMapBuilder().withNewMetadata().withName("cm")
                .endMetadata().addToData("k", "v").build()).create();
        client.secrets().inNamespace("ns-test").resource(new SecretBuilder().withNewMetadata().withName("s")
                .endMetadata().addToStringData("k", "v").build()).create();
        client.services().inNamespace("ns-test").resource(new ServiceBuilder().withNewMetadata().withName("svc")
                .endMetadata().withNewSpec().addToSelector("app", "x").addNewPort().withPort(80).endPort().endSpec()
                .build()).create();
        client.pods().inNamespace("ns-test").resource(pod("unbound", null)).create();
        client.pods().inNamespace("ns-test").resource(pod("bound", "ns-node")).create();

        client.namespaces().withName("ns-test").delete();

        // the bound pod waits for its kubelet; everything else goes
        await().atMost(WAIT).untilAsserted(() -> {
            Pod bound = client.pods().inNamespace("ns-test").withName("bound").get();
            assertThat(bound.getMetadata().getDeletionTimestamp()).isNotNull();
            assertThat(client.configMaps().inNamespace("ns-test").list().getItems()).isEmpty();
            assertThat(client.pods().inNamespace("ns-test").withName("unbound").get()).isNull();
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(client.namespaces().withName("ns-test").get().getStatus()
                .getConditions()).anySatisfy(c -> {
                    assertThat(c.getType()).isEqualTo("NamespaceContentRemaining");
                    assertThat(c.getStatus()).isEqualTo("True");
                    assertThat(c.getMessage()).contains("pods. has 1 resource instances");
                }));
        client.pods().inNamespace("ns-test").withName("bound").withGracePeriod(0).delete();
        await().atMost(WAIT).untilAsserted(() -> assertThat(client.namespaces().withName("ns-test").get()).isNull());
    }

    @Test
    void nodeIpamGivesEveryNodeItsOwnSubnet() {
        createNode("ipam-1", Map.of());
        createNode("ipam-2", Map.of());
        createNode("ipam-3", Map.of());
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> cidrs = new ArrayList<>();
            for (Node n : client.nodes().list().getItems()) {
                assertThat(n.getSpec().getPodCIDR()).as("podCIDR of %s", n.getMetadata().getName())
                        .matches("10\\.244\\.\\d+\\.0/24");
                assertThat(n.getSpec().getPodCIDRs()).containsExactly(n.getSpec().getPodCIDR());
                cidrs.add(n.getSpec().getPodCIDR());
            }
            assertThat(new HashSet<>(cidrs)).hasSameSizeAs(cidrs);
        });
    }

    @Test
    void aSilentNodeGoesUnknownAndItsPodsAreEvictedAfterTheirTolerationSeconds() {
        createNode("silent", Map.of());
        heartbeating.remove("silent");
        namespace("evict-test");
        Pod victim = new PodBuilder(pod("victim", "silent")).editSpec().withTerminationGracePeriodSeconds(1L)
                .addNewToleration().withKey("node.kubernetes.io/unreachable").withOperator("Exists")
                .withEffect("NoExecute").withTolerationSeconds(3L).endToleration().endSpec().build();
        client.pods().inNamespace("evict-test").resource(victim).create();
        markRunning("evict-test", "victim", "10.244.9.9");

        await().atMost(WAIT).untilAsserted(() -> {
            Node node = client.nodes().withName("silent").get();
            NodeCondition ready = node.getStatus().getConditions().stream()
                    .filter(c -> c.getType().equals("Ready")).findFirst().orElseThrow();
            assertThat(ready.getStatus()).isEqualTo("Unknown");
            assertThat(ready.getReason()).isEqualTo("NodeStatusUnknown");
            assertThat(ready.getMessage()).isEqualTo("Kubelet stopped posting node status.");
            assertThat(node.getSpec().getTaints()).extracting(t -> t.getKey() + ":" + t.getEffect())
                    .contains("node.kubernetes.io/unreachable:NoExecute", "node.kubernetes.io/unreachable:NoSchedule");
        });
        Instant unreachableSince = Instant.now();
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventMessages("evict-test", "TaintManagerEviction"))
                .contains("Marking for deletion Pod evict-test/victim"));
        assertThat(Duration.between(unreachableSince, Instant.now())).isGreaterThan(Duration.ofSeconds(1));
        assertThat(eventMessages("evict-test", "NodeNotReady")).contains("Node is not ready");
        // nothing finishes the pod on a dead node: pod GC force-deletes it once its grace period is over
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(client.pods().inNamespace("evict-test").withName("victim").get()).isNull());

        // the kubelet comes back: Ready again, the taints go
        heartbeating.add("silent");
        postReady("silent");
        await().atMost(WAIT).untilAsserted(() -> assertThat(client.nodes().withName("silent").get().getSpec()
                .getTaints()).extracting(Taint::getKey).doesNotContain("node.kubernetes.io/unreachable"));
    }

    @Test
    void endpointsListTheReadyPodIps() {
        createNode("ep-node", Map.of());
        namespace("ep-test");
        client.services().inNamespace("ep-test").resource(new ServiceBuilder().withNewMetadata().withName("web")
                .endMetadata().withNewSpec().addToSelector("app", "web").addNewPort().withName("http").withPort(80)
                .withTargetPort(new IntOrString(8080)).endPort().endSpec().build()).create();
        for (int i = 1; i <= 3; i++) {
            client.pods().inNamespace("ep-test").resource(new PodBuilder(pod("web-" + i, "ep-node")).editMetadata()
                    .addToLabels("app", "web").endMetadata().build()).create();
        }
        markRunning("ep-test", "web-1", "10.244.5.1");
        markRunning("ep-test", "web-2", "10.244.5.2");

        await().atMost(WAIT).untilAsserted(() -> {
            Endpoints ep = client.endpoints().inNamespace("ep-test").withName("web").get();
            assertThat(ep).isNotNull();
            assertThat(ep.getSubsets()).singleElement().satisfies(s -> {
                assertThat(s.getAddresses()).extracting(EndpointAddress::getIp)
                        .containsExactly("10.244.5.1", "10.244.5.2");
                assertThat(s.getAddresses()).allSatisfy(a -> assertThat(a.getNodeName()).isEqualTo("ep-node"));
                assertThat(s.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(8080));
            });
        });
        assertThat(client.endpoints().inNamespace("default").withName("kubernetes").get())
                .as("the kubernetes service's endpoints are not ours").satisfiesAnyOf(
                        e -> assertThat(e).isNull(),
                        e -> assertThat(e.getMetadata().getAnnotations()).doesNotContainKey(
                                "endpoints.kubernetes.io/last-change-trigger-time"));
    }

    // ------------------------------------------------------------------ helpers

    private static void namespace(String name) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
    }

    /** A Ready node with a Lease the test's "kubelet" renews every second. */
    private static void createNode(String name, Map<String, String> labels) {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).addToLabels(labels)
                .addToLabels("kubernetes.io/hostname", name).endMetadata().withNewSpec().endSpec().build()).create();
        postReady(name);
        client.leases().inNamespace("kube-node-lease").resource(new LeaseBuilder().withNewMetadata().withName(name)
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("v1").withKind("Node").withName(name)
                        .withUid(client.nodes().withName(name).get().getMetadata().getUid()).build())
                .endMetadata().withNewSpec().withHolderIdentity(name).withLeaseDurationSeconds(40)
                .withRenewTime(Instant.now().atZone(ZoneOffset.UTC)).endSpec().build()).create();
        heartbeating.add(name);
    }

    /** As a kubelet does: a strategic-merge patch of the Ready condition, which no concurrent write can stale. */
    private static void postReady(String name) {
        String now = Instant.now().toString();
        String patch = "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\","
                + "\"reason\":\"KubeletReady\",\"message\":\"kubelet is posting ready status\","
                + "\"lastHeartbeatTime\":\"" + now + "\",\"lastTransitionTime\":\"" + now + "\"}]}}";
        client.nodes().withName(name).subresource("status").patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch);
    }

    private static void renewLeases() {
        for (String node : heartbeating) {
            try {
                client.leases().inNamespace("kube-node-lease").withName(node).edit(l -> new LeaseBuilder(l)
                        .editSpec().withRenewTime(Instant.now().atZone(ZoneOffset.UTC)).endSpec().build());
            } catch (RuntimeException e) {
                // a lease being created or a transient error: the next tick renews it
            }
        }
    }

    private static Pod pod(String name, String node) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().withNodeName(node)
                .addNewContainer().withName("c").withImage("nginx").endContainer().endSpec().build();
    }

    private static void markRunning(String namespace, String name, String ip) {
        String now = Instant.now().toString();
        client.pods().inNamespace(namespace).withName(name).editStatus(p -> new PodBuilder(p).withNewStatus()
                .withPhase("Running").withPodIP(ip).addNewPodIP().withIp(ip).endPodIP().addNewCondition()
                .withType("Ready").withStatus("True").withLastTransitionTime(now).endCondition().endStatus().build());
    }

    private static ReplicaSet replicaSetWithPods(String namespace, String name, int pods) {
        ReplicaSet rs = client.apps().replicaSets().inNamespace(namespace).resource(new ReplicaSetBuilder()
                .withNewMetadata().withName(name).endMetadata().withNewSpec().withReplicas(0)
                .withNewSelector().addToMatchLabels("rs", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("rs", name).endMetadata().withNewSpec()
                .addNewContainer().withName("c").withImage("nginx").endContainer().endSpec().endTemplate()
                .endSpec().build()).create();
        for (int i = 0; i < pods; i++) {
            client.pods().inNamespace(namespace).resource(new PodBuilder(pod(name + "-" + i, null)).editMetadata()
                    .addToLabels("rs", name).addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet")
                    .withName(name).withUid(rs.getMetadata().getUid()).withController(true)
                    .withBlockOwnerDeletion(true).endOwnerReference().endMetadata().build()).create();
        }
        return rs;
    }

    private static List<Pod> podsOf(String namespace, ReplicaSet rs) {
        return client.pods().inNamespace(namespace).withLabel("rs", rs.getMetadata().getName()).list().getItems();
    }

    private static List<String> daemonNodes() {
        return client.pods().inNamespace("ds-test").list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .map(p -> DaemonPods.targetNode(p).orElse("?")).toList();
    }

    private static List<String> eventMessages(String namespace, String reason) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> reason.equals(e.getReason())).map(Event::getMessage).toList();
    }
}
