package io.kubesim.controllers.e2e;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubesim.certs.ClientIdentity;
import io.kubesim.controllers.ControllerManagerOptions;
import io.kubesim.controllers.ControllerManagerProcess;
import io.kubesim.controllers.runtime.Clients;
import io.kubesim.controllers.support.Numbers;
import io.kubesim.controllers.testing.Fixtures;
import io.kubesim.server.ApiServer;
import io.kubesim.server.ServerConfig;

/**
 * The deployment, replicaset and statefulset controllers end to end: a real API server and a
 * controller-manager in this JVM, checked through the Fabric8 client. Pods are made Running and
 * Ready by {@link FakeKubelet} (no scheduler or node agent runs here).
 */
class WorkloadControllersIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Path dataDir;
    private static ApiServer server;
    private static KubernetesClient client;
    private static ControllerManagerOptions options;
    private static ControllerManagerProcess controllerManager;
    private static final AtomicBoolean leaseLost = new AtomicBoolean();

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("kubesim-workloads-it");
        server = ApiServer.start(ServerConfig.defaults(dataDir).withPort(0));
        client = Clients.fromKubeconfig(server.pki().adminKubeconfig());
        options = new ControllerManagerOptions(server.pki().kubeconfig(ClientIdentity.controllerManager()),
                "127.0.0.1", 0, true, "it-host_" + UUID.randomUUID(), "10.244.0.0/16", 24, Duration.ofSeconds(40),
                5);
        controllerManager = ControllerManagerProcess.start(options, () -> leaseLost.set(true));
        waitUp().until(controllerManager::isRunning);
        for (String ns : List.of("deploy", "sts", "bulk")) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (controllerManager != null) {
            controllerManager.close();
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

    private static ConditionFactory waitUp() {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50));
    }

    private static List<ReplicaSet> replicaSetsOf(Deployment d) {
        return client.apps().replicaSets().inNamespace(d.getMetadata().getNamespace()).list().getItems().stream()
                .filter(rs -> controlledBy(rs, d)).toList();
    }

    private static boolean controlledBy(HasMetadata o, HasMetadata owner) {
        return o.getMetadata().getOwnerReferences().stream().anyMatch(r -> Boolean.TRUE.equals(r.getController())
                && r.getUid().equals(owner.getMetadata().getUid()));
    }

    private static List<Pod> activePods(String ns, Map<String, String> labels) {
        return client.pods().inNamespace(ns).withLabels(labels).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    private static List<String> events(HasMetadata about, String component) {
        return client.v1().events().inNamespace(about.getMetadata().getNamespace()).list().getItems().stream()
                .filter(e -> e.getInvolvedObject().getUid().equals(about.getMetadata().getUid()))
                .filter(e -> component.equals(e.getSource().getComponent())
                        && component.equals(e.getReportingComponent()))
                .map(WorkloadControllersIT::describe).toList();
    }

    private static String describe(Event e) {
        return e.getType() + " " + e.getReason() + " " + e.getMessage();
    }

    private static Deployment deployment(String ns, String name) {
        return client.apps().deployments().inNamespace(ns).withName(name).get();
    }

    private static DeploymentCondition condition(Deployment d, String type) {
        return d.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    /** What {@code kubectl rollout status} waits for (§10.9 of the kubectl contract). */
    private static boolean rolledOut(Deployment d) {
        var s = d.getStatus();
        int replicas = d.getSpec().getReplicas();
        return s != null && s.getObservedGeneration() != null
                && s.getObservedGeneration() >= d.getMetadata().getGeneration()
                && Numbers.orZero(s.getUpdatedReplicas()) == replicas && Numbers.orZero(s.getReplicas()) == replicas
                && Numbers.orZero(s.getAvailableReplicas()) == replicas
                && "NewReplicaSetAvailable".equals(condition(d, "Progressing").getReason());
    }

    @Test
    void deploymentCreatesScalesRollsOutAndRollsBack() throws Exception {
        Map<String, String> labels = Map.of("app", "nginx");
        Deployment spec = Fixtures.deployment("nginx", 3, labels, "nginx:1.26");
        spec.getMetadata().setNamespace("deploy");
        Deployment d = client.apps().deployments().inNamespace("deploy").resource(spec).create();
        FakeKubelet kubelet = new FakeKubelet(client, "deploy", labels);
        try {
            // One ReplicaSet named by the template hash, three pods it controls.
            waitUp().untilAsserted(() -> assertThat(activePods("deploy", labels)).hasSize(3));
            List<ReplicaSet> sets = replicaSetsOf(d);
            assertThat(sets).hasSize(1);
            ReplicaSet first = sets.get(0);
            String hash = first.getMetadata().getLabels().get("pod-template-hash");
            assertThat(first.getMetadata().getName()).isEqualTo("nginx-" + hash);
            assertThat(hash).matches("[bcdfghjklmnpqrstvwxz2456789]+");
            assertThat(activePods("deploy", labels)).allSatisfy(p -> {
                assertThat(p.getMetadata().getName()).startsWith("nginx-" + hash + "-");
                assertThat(p.getMetadata().getLabels()).containsEntry("pod-template-hash", hash);
                OwnerReference ref = p.getMetadata().getOwnerReferences().get(0);
                assertThat(ref.getKind()).isEqualTo("ReplicaSet");
                assertThat(ref.getUid()).isEqualTo(first.getMetadata().getUid());
                assertThat(ref.getController()).isTrue();
            });
            waitUp().until(() -> rolledOut(deployment("deploy", "nginx")));
            assertThat(events(d, "deployment-controller")).contains(
                    "Normal ScalingReplicaSet Scaled up replica set nginx-" + hash + " from 0 to 3");
            waitUp().untilAsserted(() -> assertThat(events(first, "replicaset-controller"))
                    .filteredOn(e -> e.startsWith("Normal SuccessfulCreate Created pod: nginx-" + hash + "-"))
                    .hasSize(3));
            Deployment complete = deployment("deploy", "nginx");
            assertThat(condition(complete, "Available").getReason()).isEqualTo("MinimumReplicasAvailable");
            assertThat(complete.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");

            // Scale up and down.
            scale(5);
            waitUp().untilAsserted(() -> assertThat(activePods("deploy", labels)).hasSize(5));
            scale(1);
            waitUp().untilAsserted(() -> assertThat(activePods("deploy", labels)).hasSize(1));
            waitUp().until(() -> rolledOut(deployment("deploy", "nginx")));
            assertThat(events(d, "deployment-controller")).contains(
                    "Normal ScalingReplicaSet Scaled up replica set nginx-" + hash + " from 3 to 5",
                    "Normal ScalingReplicaSet Scaled down replica set nginx-" + hash + " from 5 to 1");
            waitUp().untilAsserted(() -> assertThat(events(first, "replicaset-controller"))
                    .filteredOn(e -> e.startsWith("Normal SuccessfulDelete Deleted pod: ")).hasSize(4));

            // A new template rolls out within maxSurge 25% / maxUnavailable 25% of 4.
            scale(4);
            waitUp().until(() -> rolledOut(deployment("deploy", "nginx")));
            RolloutSampler sampler = new RolloutSampler(d, labels);
            // As kubectl set image does: a strategic merge patch, containers merged by name.
            client.apps().deployments().inNamespace("deploy").withName("nginx").patch(
                    PatchContext.of(PatchType.STRATEGIC_MERGE),
                    "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.27\"}]}}}}");
            waitUp().until(() -> rolledOut(deployment("deploy", "nginx")) && replicaSetsOf(d).size() == 2);
            sampler.stop();
            assertThat(sampler.maxSpecReplicas.get()).as("never more than replicas + maxSurge").isLessThanOrEqualTo(5);
            assertThat(sampler.minReadyPods.get()).as("ready pods during the rollout (replicas - maxUnavailable = 3)")
                    .isGreaterThanOrEqualTo(3);
            ReplicaSet second = replicaSetsOf(d).stream().filter(rs -> !rs.getMetadata().getUid()
                    .equals(first.getMetadata().getUid())).findFirst().orElseThrow();
            assertThat(second.getSpec().getReplicas()).isEqualTo(4);
            assertThat(second.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "2");
            assertThat(client.apps().replicaSets().inNamespace("deploy").withName(first.getMetadata().getName()).get()
                    .getSpec().getReplicas()).isZero();
            assertThat(activePods("deploy", labels)).hasSize(4).allSatisfy(p -> assertThat(
                    p.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27"));

            // kubectl rollout undo: a JSON patch putting the previous ReplicaSet's template back.
            rollbackTo(client.apps().replicaSets().inNamespace("deploy").withName(first.getMetadata().getName())
                    .get());
            waitUp().until(() -> rolledOut(deployment("deploy", "nginx"))
                    && "3".equals(client.apps().replicaSets().inNamespace("deploy")
                    .withName(first.getMetadata().getName()).get().getMetadata().getAnnotations()
                    .get("deployment.kubernetes.io/revision")));
            ReplicaSet back = client.apps().replicaSets().inNamespace("deploy").withName(first.getMetadata().getName())
                    .get();
            assertThat(back.getSpec().getReplicas()).isEqualTo(4);
            assertThat(back.getMetadata().getAnnotations())
                    .containsEntry("deployment.kubernetes.io/revision-history", "1");
            assertThat(replicaSetsOf(d)).hasSize(2);
            waitUp().untilAsserted(() -> assertThat(activePods("deploy", labels)).hasSize(4).allSatisfy(p ->
                    assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.26")));
            assertThat(deployment("deploy", "nginx").getMetadata().getAnnotations())
                    .containsEntry("deployment.kubernetes.io/revision", "3");
        } finally {
            kubelet.close();
        }
    }

    /** As kubectl scale does: no resourceVersion precondition, so controller writes cannot conflict. */
    private static void scale(int replicas) {
        client.apps().deployments().inNamespace("deploy").withName("nginx")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":" + replicas + "}}");
    }

    private static void rollbackTo(ReplicaSet rs) {
        PodTemplateSpec template = rs.getSpec().getTemplate();
        template.getMetadata().getLabels().remove("pod-template-hash");
        Map<String, String> annotations = new HashMap<>(rs.getMetadata().getAnnotations());
        annotations.keySet().removeIf(k -> k.startsWith("deployment.kubernetes.io/"));
        String patch = client.getKubernetesSerialization().asJson(List.of(
                Map.of("op", "replace", "path", "/spec/template", "value", template),
                Map.of("op", "replace", "path", "/metadata/annotations", "value", annotations)));
        client.apps().deployments().inNamespace("deploy").withName("nginx")
                .patch(PatchContext.of(PatchType.JSON), patch);
    }

    /** Samples a rollout every 20 ms: the largest replica total asked for and the fewest ready pods. */
    private static final class RolloutSampler {
        final AtomicInteger maxSpecReplicas = new AtomicInteger();
        final AtomicInteger minReadyPods = new AtomicInteger(Integer.MAX_VALUE);
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        RolloutSampler(Deployment d, Map<String, String> labels) {
            timer.scheduleWithFixedDelay(() -> {
                int spec = replicaSetsOf(d).stream().mapToInt(rs -> rs.getSpec().getReplicas()).sum();
                maxSpecReplicas.accumulateAndGet(spec, Math::max);
                int ready = (int) activePods("deploy", labels).stream().filter(FakeKubelet::isReady).count();
                minReadyPods.accumulateAndGet(ready, Math::min);
            }, 0, 20, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void statefulSetCreatesPodsInOrdinalOrder() {
        Map<String, String> labels = Map.of("app", "web");
        StatefulSet spec = Fixtures.statefulSet("web", 3, labels, "nginx:1.26");
        spec.getMetadata().setNamespace("sts");
        StatefulSet set = client.apps().statefulSets().inNamespace("sts").resource(spec).create();

        for (int i = 0; i < 3; i++) {
            String name = "web-" + i;
            waitUp().until(() -> client.pods().inNamespace("sts").withName(name).get() != null);
            if (i < 2) {
                String next = "web-" + (i + 1);
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                        .until(() -> client.pods().inNamespace("sts").withName(next).get() == null);
            }
            FakeKubelet.startPod(client, client.pods().inNamespace("sts").withName(name).get());
        }

        waitUp().untilAsserted(() -> {
            var s = client.apps().statefulSets().inNamespace("sts").withName("web").get().getStatus();
            assertThat(s.getReplicas()).isEqualTo(3);
            assertThat(s.getReadyReplicas()).isEqualTo(3);
            assertThat(s.getCurrentReplicas()).isEqualTo(3);
            assertThat(s.getUpdatedReplicas()).isEqualTo(3);
            assertThat(s.getCurrentRevision()).isEqualTo(s.getUpdateRevision()).startsWith("web-");
            assertThat(s.getObservedGeneration()).isEqualTo(1L);
        });
        Pod web2 = client.pods().inNamespace("sts").withName("web-2").get();
        assertThat(web2.getMetadata().getLabels()).containsEntry("statefulset.kubernetes.io/pod-name", "web-2")
                .containsEntry("apps.kubernetes.io/pod-index", "2").containsKey("controller-revision-hash");
        assertThat(web2.getSpec().getHostname()).isEqualTo("web-2");
        assertThat(controlledBy(web2, set)).isTrue();
        waitUp().untilAsserted(() -> assertThat(events(set, "statefulset-controller")).containsExactlyInAnyOrder(
                "Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful",
                "Normal SuccessfulCreate create Pod web-1 in StatefulSet web successful",
                "Normal SuccessfulCreate create Pod web-2 in StatefulSet web successful"));
    }

    @Test
    void aHundredReplicasAreCreatedInOnePass() {
        Map<String, String> labels = Map.of("app", "bulk");
        Deployment spec = Fixtures.deployment("bulk", 100, labels, "nginx:1.26");
        spec.getMetadata().setNamespace("bulk");
        long start = System.nanoTime();
        Deployment d = client.apps().deployments().inNamespace("bulk").resource(spec).create();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(activePods("bulk", labels)).hasSize(100));
        System.out.println("100 pods of a new Deployment created in "
                + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
        waitUp().untilAsserted(() -> assertThat(replicaSetsOf(d).get(0).getStatus().getReplicas()).isEqualTo(100));
        assertThat(events(d, "deployment-controller")).hasSize(1);
        assertThat(activePods("bulk", labels)).extracting(p -> p.getMetadata().getName()).doesNotHaveDuplicates();
    }

    @Test
    void holdsTheLeaseAndServesMetrics() throws Exception {
        Lease lease = client.leases().inNamespace("kube-system").withName("kube-controller-manager").get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(options.identity());
        assertThat(leaseLost).isFalse();

        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + controllerManager.metricsPort();
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("workqueue_depth{name=\"deployment\"}",
                "workqueue_depth{name=\"replicaset\"}", "workqueue_depth{name=\"statefulset\"}");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
