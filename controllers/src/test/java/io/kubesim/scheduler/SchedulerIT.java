package io.kubesim.scheduler;

import static io.kubesim.scheduler.Fixtures.ownedBy;
import static io.kubesim.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubesim.controllers.runtime.Clients;
import io.kubesim.controllers.runtime.ComponentMetrics;
import io.kubesim.controllers.runtime.EventRecorder;
import io.kubesim.controllers.runtime.InformerSet;

/**
 * The scheduler against a real API server: binding, spreading, events, the FailedScheduling message and condition
 * of a pod no node fits, and that pod being scheduled once a node that fits appears.
 */
class SchedulerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TestCluster cluster;
    private static KubernetesClient admin;
    private static KubernetesClient schedulerClient;
    private static ComponentMetrics metrics;
    private static InformerSet informers;
    private static EventRecorder recorder;
    private static Scheduler scheduler;

    @BeforeAll
    static void startClusterAndScheduler() throws Exception {
        cluster = TestCluster.start();
        admin = cluster.admin();
        cluster.createNode("control-plane", "4", Map.of("node-role.kubernetes.io/control-plane", "",
                "topology.kubernetes.io/zone", "zone-a"), List.of(new Taint("NoSchedule",
                "node-role.kubernetes.io/control-plane", null, null)), false);
        cluster.createNode("worker-1", "4", Map.of("topology.kubernetes.io/zone", "zone-a"), List.of(), false);
        cluster.createNode("worker-2", "4", Map.of("topology.kubernetes.io/zone", "zone-b"), List.of(), false);
        cluster.createNode("worker-3", "4", Map.of("topology.kubernetes.io/zone", "zone-b"), List.of(), true);

        schedulerClient = Clients.fromKubeconfig(cluster.schedulerKubeconfig());
        metrics = new ComponentMetrics();
        informers = new InformerSet(schedulerClient);
        recorder = new EventRecorder(schedulerClient, "default-scheduler", null);
        scheduler = Scheduler.create(schedulerClient, informers, SchedulerConfig.defaults("default-scheduler"),
                metrics, Scheduler.sink(recorder));
        scheduler.awaitSynced(WAIT);
        scheduler.start();
    }

    @AfterAll
    static void stop() {
        if (scheduler != null) {
            scheduler.close();
            recorder.close();
            informers.close();
            metrics.close();
            schedulerClient.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Pod create(PodBuilder pod) {
        Pod p = pod.editMetadata().withUid(null).endMetadata().build();
        return admin.pods().inNamespace("default").resource(p).create();
    }

    private static Pod get(String name) {
        return admin.pods().inNamespace("default").withName(name).get();
    }

    private static String nodeOf(String name) {
        Pod p = get(name);
        return p == null ? null : p.getSpec().getNodeName();
    }

    private static List<Event> events(String pod, String reason) {
        return admin.v1().events().inNamespace("default").withField("involvedObject.name", pod).list().getItems()
                .stream().filter(e -> e.getReason().equals(reason)).toList();
    }

    @Test
    void bindsReplicasSpreadOverTheSchedulableWorkers() {
        for (int i = 0; i < 6; i++) {
            create(ownedBy(pod("web-" + i, "250m", "256Mi"), "11111111-2222-3333-4444-555555555555"));
        }
        await().atMost(WAIT).until(() -> {
            for (int i = 0; i < 6; i++) {
                if (nodeOf("web-" + i) == null) {
                    return false;
                }
            }
            return true;
        });
        Map<String, Long> perNode = java.util.stream.IntStream.range(0, 6).mapToObj(i -> nodeOf("web-" + i))
                .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        assertThat(perNode).containsOnlyKeys("worker-1", "worker-2");
        assertThat(perNode.values()).containsOnly(3L);

        Pod bound = get("web-0");
        PodCondition scheduled = bound.getStatus().getConditions().stream()
                .filter(c -> c.getType().equals("PodScheduled")).findFirst().orElseThrow();
        assertThat(scheduled.getStatus()).isEqualTo("True");

        await().atMost(WAIT).until(() -> !events("web-0", "Scheduled").isEmpty());
        Event event = events("web-0", "Scheduled").get(0);
        assertThat(event.getType()).isEqualTo("Normal");
        assertThat(event.getMessage()).isEqualTo("Successfully assigned default/web-0 to " + nodeOf("web-0"));
        assertThat(event.getSource().getComponent()).isEqualTo("default-scheduler");
        assertThat(metrics.scrape()).contains("scheduler_schedule_attempts_total{profile=\"default-scheduler\","
                + "result=\"scheduled\"}");
    }

    @Test
    void aPodPinnedByMatchFieldsThatToleratesTheTaintLandsOnItsNode() {
        NodeSelectorTerm pin = new NodeSelectorTerm(null, List.of(
                new NodeSelectorRequirement("metadata.name", "In", List.of("control-plane"))));
        create(pod("agent").editSpec().addNewToleration().withOperator("Exists").endToleration()
                .withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withNodeSelectorTerms(pin).endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity()
                .endAffinity().endSpec());
        await().atMost(WAIT).until(() -> "control-plane".equals(nodeOf("agent")));
    }

    @Test
    void aPodNoNodeFitsIsReportedAndScheduledOnceANodeFits() {
        create(pod("huge", "6", "1Gi"));
        String message = "0/4 nodes are available: 1 node(s) had untolerated taint "
                + "{node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable, 2 Insufficient cpu. "
                + "preemption: 0/4 nodes are available: 2 No preemption victims found for incoming pod, "
                + "2 Preemption is not helpful for scheduling.";
        await().atMost(WAIT).until(() -> events("huge", "FailedScheduling").stream()
                .anyMatch(e -> message.equals(e.getMessage())));
        Event failed = events("huge", "FailedScheduling").get(0);
        assertThat(failed.getType()).isEqualTo("Warning");
        assertThat(failed.getSource().getComponent()).isEqualTo("default-scheduler");
        await().atMost(WAIT).untilAsserted(() -> {
            PodCondition c = get("huge").getStatus().getConditions().stream()
                    .filter(x -> x.getType().equals("PodScheduled")).findFirst().orElseThrow();
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("Unschedulable");
            assertThat(c.getMessage()).isEqualTo(message);
        });
        assertThat(nodeOf("huge")).isNull();

        cluster.createNode("worker-big", "16", Map.of("topology.kubernetes.io/zone", "zone-c"), List.of(), false);
        await().atMost(WAIT).until(() -> "worker-big".equals(nodeOf("huge")));
        await().atMost(WAIT).until(() -> events("huge", "Scheduled").stream()
                .anyMatch(e -> e.getMessage().equals("Successfully assigned default/huge to worker-big")));
    }

    @Test
    void podsForAnotherSchedulerAreLeftAlone() {
        create(pod("foreign").editSpec().withSchedulerName("other-scheduler").endSpec());
        create(pod("marker"));
        // Pods are handled in arrival order, so once the later one is bound the earlier one has been looked at.
        await().atMost(WAIT).until(() -> nodeOf("marker") != null);
        assertThat(nodeOf("foreign")).isNull();
        assertThat(events("foreign", "FailedScheduling")).isEmpty();
    }
}
