package io.kubesim.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubesim.controllers.runtime.Clients;
import io.kubesim.server.e2e.InNamespace;
import io.kubesim.server.e2e.Kubectl;
import io.kubesim.server.e2e.PrintedTable;
import io.kubesim.server.e2e.StreamedRun;
import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The event chain of issue 3, end to end: API server, controller-manager, scheduler and a node agent (one tainted
 * control-plane node, three workers) in this JVM, driven by the real {@code kubectl}. An nginx Deployment is applied
 * in a fresh namespace and followed through its whole life: pods Running on distinct workers with IPs from their
 * node's pod CIDR, the Deployment, ReplicaSet, scheduler and kubelet events stamped in causal order and printed
 * live by {@code kubectl get events -w}, scaling, a rolling update that keeps availability within
 * {@code maxUnavailable}, an undo, a cascading delete and the namespace's deletion. The steps build on each other,
 * in order, on one cluster per test instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterChainIT {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String NS = "chain";
    private static final int REPLICAS = 3;
    private static final int MAX_UNAVAILABLE = 1;
    private static final List<String> POD_CHAIN = List.of("Scheduled", "Pulling", "Pulled", "Created", "Started");
    private static final String REVISION = "deployment.kubernetes.io/revision";
    private static final Pattern POD_NAME = Pattern.compile("nginx-[0-9a-f]{1,10}-[0-9a-z]{5}");

    private InProcessCluster cluster;
    private Kubectl kubectl;
    private InNamespace ns;
    private KubernetesClient client;
    private StreamedRun eventWatch;
    /** Where each pod of the first rollout runs, from step 1 on. */
    private final Map<String, String> firstPods = new HashMap<>();
    private String firstReplicaSet;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = InProcessCluster.start(4);
        kubectl = new Kubectl(cluster.adminKubeconfig());
        client = Clients.fromKubeconfig(cluster.adminKubeconfig());
        within(BOUND).untilAsserted(() -> assertThat(nodeCidrs()).as("Ready nodes with a pod CIDR")
                .containsOnlyKeys(cluster.nodeNames()));
        ns = InNamespace.create(kubectl, NS);
        // Started before anything happens in the namespace, so it prints the whole chain as it unfolds.
        eventWatch = StreamedRun.start(kubectl, "get", "events", "-w", "-n", NS);
    }

    @AfterAll
    void stopCluster() {
        if (eventWatch != null) {
            eventWatch.close();
        }
        if (client != null) {
            client.close();
        }
        if (kubectl != null) {
            kubectl.cleanUp();
        }
        if (cluster != null) {
            boolean lost = cluster.leadershipLost();
            cluster.close();
            assertThat(lost).as("a component lost its lease").isFalse();
        }
    }

    @Test
    @Order(1)
    void applyRunsEveryReplicaOnItsOwnWorkerWithAnIpFromThatNodesPodCidr() throws Exception {
        Instant applied = Instant.now();
        assertThat(ns.ok("apply", "-f", manifest("nginx-deployment.yaml"))).isEqualTo("deployment.apps/nginx created\n");
        assertThat(rolloutStatus()).endsWith("deployment \"nginx\" successfully rolled out\n");
        Duration latency = Duration.between(applied, Instant.now());
        System.out.println("apply to all replicas available: " + latency.toMillis() + " ms");

        PrintedTable wide = ns.table("get", "pods", "-o", "wide");
        assertThat(wide.header()).startsWith("NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE");
        assertThat(wide.rows()).hasSize(REPLICAS);
        assertThat(wide.column("READY")).containsOnly("1/1");
        assertThat(wide.column("STATUS")).containsOnly("Running");
        assertThat(wide.column("NAME")).allMatch(n -> POD_NAME.matcher(n).matches());
        assertThat(wide.column("NODE")).doesNotHaveDuplicates()
                .doesNotContain(cluster.nodeNames().get(0)).isSubsetOf(cluster.nodeNames());
        Map<String, String> cidrs = nodeCidrs();
        int ipColumn = wide.header().indexOf("IP");
        int nodeColumn = wide.header().indexOf("NODE");
        for (List<String> row : wide.rows()) {
            String pod = row.get(0);
            String ip = row.get(ipColumn);
            String node = row.get(nodeColumn);
            assertThat(Ipv4Cidr.parse(cidrs.get(node)).contains(ip))
                    .as("%s's IP %s in %s's pod CIDR %s", pod, ip, node, cidrs.get(node)).isTrue();
            firstPods.put(pod, node);
        }
        List<String> replicaSets = List.of(ns.ok("get", "rs", "-o", "name").trim().split("\n"));
        assertThat(replicaSets).singleElement().asString().startsWith("replicaset.apps/nginx-");
        firstReplicaSet = replicaSets.get(0).substring("replicaset.apps/".length());
        assertThat(latency).as("apply to Running").isLessThan(Duration.ofSeconds(30));
    }

    @Test
    @Order(2)
    void everyLinkOfTheEventChainIsRecordedInCausalOrder() {
        within(Duration.ofSeconds(30)).untilAsserted(() -> assertChainRecorded(ChainEvent.fromList(ns.json("events"))));

        eventWatch.awaitStdout(out -> firstPods.keySet().stream().allMatch(pod -> WatchedEvent.parse(lines(out))
                .stream().anyMatch(e -> e.object().equals("pod/" + pod) && e.reason().equals("Started"))), BOUND);
        List<WatchedEvent> printed = WatchedEvent.parse(eventWatch.lines());
        String shown = eventWatch.stdout();
        assertThat(printed).as("printed by kubectl get events -w:%n%s", shown)
                .allSatisfy(e -> assertThat(e.lastSeen()).as("printed as it happened: %s", e).matches("\\ds"))
                .anySatisfy(e -> assertThat(e.object() + " " + e.reason())
                        .isEqualTo("deployment/nginx ScalingReplicaSet"));
        // Every component records through its own asynchronous queue (as in Kubernetes), so the watch, which
        // prints in write order, may interleave components either way; within one recorder the order is causal.
        // The order across components is asserted on the recorded timestamps above.
        for (String pod : firstPods.keySet()) {
            assertThat(printed).as("printed by kubectl get events -w:%n%s", shown)
                    .anySatisfy(e -> assertThat(List.of(e.object(), e.reason(), e.message())).containsExactly(
                            "replicaset/" + firstReplicaSet, "SuccessfulCreate", "Created pod: " + pod));
            assertThat(printed.stream().filter(e -> e.object().equals("pod/" + pod)).map(WatchedEvent::reason))
                    .as("printed for %s by kubectl get events -w:%n%s", pod, shown)
                    .containsAll(POD_CHAIN).containsSubsequence(POD_CHAIN.subList(1, POD_CHAIN.size()));
        }
    }

    private void assertChainRecorded(List<ChainEvent> events) {
        ChainEvent scaling = only(events, "Deployment", "nginx", "ScalingReplicaSet");
        assertThat(scaling.message()).isEqualTo("Scaled up replica set " + firstReplicaSet + " from 0 to " + REPLICAS);
        assertThat(scaling.component()).isEqualTo("deployment-controller");
        assertThat(scaling.reportingComponent()).isEqualTo("deployment-controller");
        for (Map.Entry<String, String> placed : firstPods.entrySet()) {
            String pod = placed.getKey();
            String node = placed.getValue();
            ChainEvent created = events.stream()
                    .filter(e -> e.is("ReplicaSet", firstReplicaSet, "SuccessfulCreate")
                            && e.message().equals("Created pod: " + pod))
                    .findFirst().orElseThrow(() -> new AssertionError("no SuccessfulCreate for " + pod));
            assertThat(created.component()).isEqualTo("replicaset-controller");
            List<ChainEvent> chain = new ArrayList<>(List.of(scaling, created));
            for (String reason : POD_CHAIN) {
                ChainEvent e = only(events, "Pod", pod, reason);
                if (reason.equals("Scheduled")) {
                    assertThat(e.component()).isEqualTo("default-scheduler");
                    assertThat(e.message()).isEqualTo("Successfully assigned " + NS + "/" + pod + " to " + node);
                } else {
                    assertThat(e.component()).as("%s of %s", reason, pod).isEqualTo("kubelet");
                    assertThat(e.host()).as("%s of %s", reason, pod).isEqualTo(node);
                }
                chain.add(e);
            }
            assertThat(chain).extracting(ChainEvent::firstTimestamp).as("first timestamps along the chain of %s: %s",
                    pod, chain).doesNotContainNull().isSorted();
        }
    }

    @Test
    @Order(3)
    void scalingUpAndDownConverges() {
        assertThat(ns.ok("scale", "deployment/nginx", "--replicas=5")).isEqualTo("deployment.apps/nginx scaled\n");
        rolloutStatus();
        awaitPods("5 Running", pods -> pods.size() == 5 && pods.stream().allMatch(PodState::serving));

        assertThat(ns.ok("scale", "deployment/nginx", "--replicas=2")).isEqualTo("deployment.apps/nginx scaled\n");
        awaitPods("2 Running, none terminating", pods -> pods.size() == 2 && pods.stream().allMatch(PodState::serving));
        PrintedTable table = ns.table("get", "pods");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.column("STATUS")).containsOnly("Running");
        within(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ChainEvent.fromList(ns.json("events")))
                .filteredOn(e -> e.is("Deployment", "nginx", "ScalingReplicaSet")).extracting(ChainEvent::message)
                .contains("Scaled up replica set " + firstReplicaSet + " from 3 to 5",
                        "Scaled down replica set " + firstReplicaSet + " from 5 to 2"));
    }

    @Test
    @Order(4)
    void rollingUpdateReplacesEveryPodWithinMaxUnavailable() {
        ns.ok("scale", "deployment/nginx", "--replicas=" + REPLICAS);
        rolloutStatus();
        awaitPods(REPLICAS + " Running", pods -> pods.size() == REPLICAS && pods.stream().allMatch(PodState::serving));

        List<String> before = pods().stream().map(PodState::name).toList();
        try (PodAvailability availability = PodAvailability.follow(client, NS, "app", "nginx")) {
            assertThat(ns.ok("set", "image", "deployment/nginx", "nginx=nginx:1.16.1"))
                    .isEqualTo("deployment.apps/nginx image updated\n");
            rolloutStatus();
            awaitPods("only nginx:1.16.1", pods -> pods.size() == REPLICAS
                    && pods.stream().allMatch(p -> p.serving() && p.image().equals("nginx:1.16.1")));
            // The watch may trail kubectl's view by a moment; it must see the whole rollout before it is judged.
            within(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(availability.deleted())
                    .as("old pods seen going away").containsAll(before));
            assertThat(availability.failure()).as("the pod watch broke").isNull();
            assertThat(availability.fewestAvailable()).as("available pods as the rollout went: %s",
                    availability.history()).isGreaterThanOrEqualTo(REPLICAS - MAX_UNAVAILABLE);
        }
        assertThat(ns.jsonpath("deployment/nginx", "{.metadata.annotations.deployment\\.kubernetes\\.io/revision}"))
                .isEqualTo("2");
        Map<String, JsonNode> sets = replicaSetsByImage();
        assertThat(sets).containsOnlyKeys("nginx:1.15", "nginx:1.16.1");
        assertThat(sets.get("nginx:1.15").path("metadata").path("name").asString()).isEqualTo(firstReplicaSet);
        assertThat(sets.get("nginx:1.15").path("spec").path("replicas").asInt()).isZero();
        assertThat(Json.text(sets.get("nginx:1.15").path("metadata").path("annotations"), REVISION)).isEqualTo("1");
        assertThat(sets.get("nginx:1.16.1").path("spec").path("replicas").asInt()).isEqualTo(REPLICAS);
        assertThat(Json.text(sets.get("nginx:1.16.1").path("metadata").path("annotations"), REVISION)).isEqualTo("2");
    }

    @Test
    @Order(5)
    void undoRollsBackToTheFirstTemplateAsRevisionThree() {
        assertThat(ns.ok("rollout", "undo", "deployment/nginx")).isEqualTo("deployment.apps/nginx rolled back\n");
        rolloutStatus();
        awaitPods("only nginx:1.15", pods -> pods.size() == REPLICAS
                && pods.stream().allMatch(p -> p.serving() && p.image().equals("nginx:1.15")));
        assertThat(ns.jsonpath("deployment/nginx", "{.metadata.annotations.deployment\\.kubernetes\\.io/revision}"))
                .isEqualTo("3");
        Map<String, JsonNode> sets = replicaSetsByImage();
        assertThat(sets).containsOnlyKeys("nginx:1.15", "nginx:1.16.1");
        assertThat(sets.get("nginx:1.15").path("metadata").path("name").asString()).isEqualTo(firstReplicaSet);
        assertThat(Json.text(sets.get("nginx:1.15").path("metadata").path("annotations"), REVISION)).isEqualTo("3");
        assertThat(sets.get("nginx:1.16.1").path("spec").path("replicas").asInt()).isZero();
        assertThat(ns.ok("rollout", "history", "deployment/nginx").lines()
                .filter(l -> l.matches("\\d+\\s.*")).map(l -> l.split("\\s+")[0])).containsExactly("2", "3");
    }

    @Test
    @Order(6)
    void deletingTheDeploymentCascadesToItsReplicaSetsAndPods() {
        assertThat(ns.ok("delete", "deployment", "nginx")).isEqualTo("deployment.apps \"nginx\" deleted\n");
        within(BOUND).untilAsserted(() -> {
            Kubectl.Result left = ns.run("get", "deployments,rs,pods", "-l", "app=nginx");
            assertThat(left.exitCode()).isZero();
            assertThat(left.stdout()).as("left after the cascade").isEmpty();
            assertThat(left.stderr()).isEqualTo("No resources found in " + NS + " namespace.\n");
        });
    }

    @Test
    @Order(7)
    void deletingTheNamespaceRemovesItAndEverythingInIt() {
        ns.ok("create", "configmap", "settings", "--from-literal=mode=chain");
        ns.ok("create", "deployment", "web", "--image=nginx:1.15", "--replicas=2");
        ns.ok("run", "solo", "--image=nginx:1.15");
        ns.ok("rollout", "status", "deployment/web", "--timeout=60s");
        ns.ok("wait", "--for=condition=Ready", "pod/solo", "--timeout=60s");

        assertThat(kubectl.run("delete", "namespace", NS, "--timeout=60s").assertOk().stdout())
                .isEqualTo("namespace \"" + NS + "\" deleted\n");
        Kubectl.Result gone = kubectl.run("get", "namespace", NS);
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.stderr()).isEqualTo("Error from server (NotFound): namespaces \"" + NS + "\" not found\n");
        Kubectl.Result contents = ns.run("get", "configmaps,deployments,rs,pods", "-o", "name");
        assertThat(contents.stdout()).as("left in the deleted namespace").isEmpty();
        assertThat(client.pods().inNamespace(NS).list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace(NS).list().getItems()).isEmpty();
    }

    private String rolloutStatus() {
        return ns.ok("rollout", "status", "deployment/nginx", "--timeout=60s");
    }

    private List<PodState> pods() {
        return PodState.fromList(ns.json("pods"));
    }

    /** Waits until the namespace's pods satisfy {@code condition}; fails with them listed after the bound. */
    private void awaitPods(String what, Predicate<List<PodState>> condition) {
        within(BOUND).untilAsserted(() -> {
            List<PodState> now = pods();
            assertThat(condition.test(now)).as("%s; pods now: %s", what, now).isTrue();
        });
    }

    /** The namespace's ReplicaSets by their pod template's image (each image must appear once). */
    private Map<String, JsonNode> replicaSetsByImage() {
        Map<String, JsonNode> byImage = new HashMap<>();
        for (JsonNode rs : ns.json("rs").path("items")) {
            String image = Json.text(rs.path("spec").path("template").path("spec").path("containers").path(0),
                    "image");
            assertThat(byImage.put(image, rs)).as("two ReplicaSets for %s", image).isNull();
        }
        return byImage;
    }

    /** Ready nodes and their {@code spec.podCIDR}, once the node IPAM controller assigned one. */
    private Map<String, String> nodeCidrs() {
        Map<String, String> cidrs = new HashMap<>();
        for (JsonNode node : Json.parse(kubectl.run("get", "nodes", "-o", "json").assertOk().stdout()).path("items")) {
            boolean ready = false;
            for (JsonNode c : node.path("status").path("conditions")) {
                ready |= "Ready".equals(Json.text(c, "type")) && "True".equals(Json.text(c, "status"));
            }
            String cidr = Json.text(node.path("spec"), "podCIDR");
            if (ready && cidr != null) {
                cidrs.put(Json.text(node.path("metadata"), "name"), cidr);
            }
        }
        return cidrs;
    }

    private static ChainEvent only(List<ChainEvent> events, String kind, String name, String reason) {
        List<ChainEvent> found = events.stream().filter(e -> e.is(kind, name, reason)).toList();
        assertThat(found).as("%s events of %s %s", reason, kind, name).hasSize(1);
        return found.get(0);
    }

    private static List<String> lines(String output) {
        int end = output.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(output.substring(0, end).split("\n"));
    }

    private static String manifest(String name) throws URISyntaxException {
        return Path.of(ClusterChainIT.class.getResource("/e2e/" + name).toURI()).toString();
    }

    private static ConditionFactory within(Duration bound) {
        return await().atMost(bound).pollInterval(Duration.ofMillis(200));
    }
}
