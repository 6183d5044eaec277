package io.kubesim.controllers.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.kubesim.controllers.support.DeepCopy;
import io.kubesim.controllers.support.OwnerRefs;
import io.kubesim.controllers.testing.FakeApi;
import io.kubesim.controllers.testing.Fixtures;
import io.kubesim.controllers.testing.MutableClock;
import io.kubesim.controllers.testing.RecordedEvents;

class StatefulSetReconcilerTest {

    private static final Map<String, String> LABELS = Map.of("app", "web");

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final FakeApi api = new FakeApi(clock);
    private final RecordedEvents events = new RecordedEvents();
    private final StatefulSetWriter writer = new ApiStatefulSetWriter(api);
    private final StatefulSetReconciler reconciler = new StatefulSetReconciler(api.statefulSets, api.pods, writer,
            new StatefulSetUpdater(new StatefulPodControl(writer, events), Runnable::run, clock));

    private StatefulSet create(int replicas, Consumer<StatefulSet> adjust) {
        StatefulSet set = Fixtures.statefulSet("web", replicas, LABELS, "nginx:1.26");
        adjust.accept(set);
        return api.create(set);
    }

    private void reconcile() throws Exception {
        reconciler.reconcile("default/web");
    }

    private void edit(Consumer<StatefulSet> change) {
        StatefulSet set = DeepCopy.of(api.statefulSets.get("default", "web"));
        change.accept(set);
        api.update(set);
    }

    private List<String> podNames() {
        return api.pods.list("default").stream().map(p -> p.getMetadata().getName()).sorted().toList();
    }

    /** A kubelet: the pod runs and is ready. */
    private void ready(String name) {
        api.pods.put(Fixtures.runningReady(api.pods.get("default", name), "node-1", clock));
    }

    private StatefulSetStatus status() {
        return api.statefulSets.get("default", "web").getStatus();
    }

    @Test
    void createsPodsOneAtATimeInOrdinalOrder() throws Exception {
        StatefulSet set = create(3, s -> { });

        reconcile();
        assertThat(podNames()).containsExactly("web-0");
        reconcile();
        assertThat(podNames()).as("web-1 waits for web-0 to be Running and Ready").containsExactly("web-0");

        ready("web-0");
        reconcile();
        assertThat(podNames()).containsExactly("web-0", "web-1");
        ready("web-1");
        reconcile();
        ready("web-2");
        reconcile();

        assertThat(podNames()).containsExactly("web-0", "web-1", "web-2");
        assertThat(events.withReason("SuccessfulCreate")).containsExactly(
                "Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful",
                "Normal SuccessfulCreate create Pod web-1 in StatefulSet web successful",
                "Normal SuccessfulCreate create Pod web-2 in StatefulSet web successful");
        Pod web1 = api.pods.get("default", "web-1");
        assertThat(web1.getMetadata().getLabels()).containsEntry("app", "web")
                .containsEntry("statefulset.kubernetes.io/pod-name", "web-1")
                .containsEntry("apps.kubernetes.io/pod-index", "1")
                .containsKey("controller-revision-hash");
        assertThat(web1.getSpec().getHostname()).isEqualTo("web-1");
        assertThat(web1.getSpec().getSubdomain()).isEqualTo("web");
        OwnerReference ref = OwnerRefs.controllerOf(web1).orElseThrow();
        assertThat(ref.getKind()).isEqualTo("StatefulSet");
        assertThat(ref.getUid()).isEqualTo(set.getMetadata().getUid());

        String revision = web1.getMetadata().getLabels().get("controller-revision-hash");
        assertThat(revision).startsWith("web-");
        StatefulSetStatus s = status();
        assertThat(s.getReplicas()).isEqualTo(3);
        assertThat(s.getReadyReplicas()).isEqualTo(3);
        assertThat(s.getCurrentReplicas()).isEqualTo(3);
        assertThat(s.getUpdatedReplicas()).isEqualTo(3);
        assertThat(s.getAvailableReplicas()).isEqualTo(3);
        assertThat(s.getCurrentRevision()).isEqualTo(revision);
        assertThat(s.getUpdateRevision()).isEqualTo(revision);
        assertThat(s.getObservedGeneration()).isEqualTo(1L);
    }

    @Test
    void theParallelPolicyCreatesEverythingAtOnce() throws Exception {
        create(3, s -> s.getSpec().setPodManagementPolicy("Parallel"));
        reconcile();
        assertThat(podNames()).containsExactly("web-0", "web-1", "web-2");
    }

    @Test
    void scalesDownFromTheHighestOrdinalOneAtATime() throws Exception {
        create(3, s -> s.getSpec().setPodManagementPolicy("Parallel"));
        reconcile();
        List.of("web-0", "web-1", "web-2").forEach(this::ready);
        edit(s -> {
            s.getSpec().setReplicas(1);
            s.getSpec().setPodManagementPolicy("OrderedReady");
        });

        reconcile();
        assertThat(podNames()).containsExactly("web-0", "web-1");
        reconcile();
        assertThat(podNames()).containsExactly("web-0");
        assertThat(events.withReason("SuccessfulDelete")).containsExactly(
                "Normal SuccessfulDelete delete Pod web-2 in StatefulSet web successful",
                "Normal SuccessfulDelete delete Pod web-1 in StatefulSet web successful");
    }

    @Test
    void scaleDownWaitsWhileAPredecessorIsUnhealthy() throws Exception {
        create(3, s -> s.getSpec().setPodManagementPolicy("Parallel"));
        reconcile();
        ready("web-1");
        ready("web-2");
        edit(s -> {
            s.getSpec().setReplicas(1);
            s.getSpec().setPodManagementPolicy("OrderedReady");
        });
        reconcile();
        assertThat(podNames()).as("web-0 is not ready yet").containsExactly("web-0", "web-1", "web-2");
    }

    @Test
    void aTemplateChangeReplacesPodsFromTheHighestOrdinal() throws Exception {
        create(2, s -> { });
        reconcile();
        ready("web-0");
        reconcile();
        ready("web-1");
        reconcile();
        String oldRevision = status().getCurrentRevision();
        events.clear();

        edit(s -> s.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.27"));
        reconcile();
        assertThat(podNames()).containsExactly("web-0");
        assertThat(status().getUpdateRevision()).isNotEqualTo(oldRevision);
        assertThat(status().getCurrentRevision()).isEqualTo(oldRevision);

        reconcile();
        Pod web1 = api.pods.get("default", "web-1");
        assertThat(web1.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27");
        reconcile();
        assertThat(podNames()).as("web-0 waits for the new web-1 to be ready").containsExactly("web-0", "web-1");
        ready("web-1");
        reconcile();
        assertThat(podNames()).containsExactly("web-1");
        reconcile();
        ready("web-0");
        reconcile();

        assertThat(events.lines()).containsExactly(
                "Normal SuccessfulDelete delete Pod web-1 in StatefulSet web successful",
                "Normal SuccessfulCreate create Pod web-1 in StatefulSet web successful",
                "Normal SuccessfulDelete delete Pod web-0 in StatefulSet web successful",
                "Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful");
        StatefulSetStatus s = status();
        assertThat(s.getCurrentRevision()).as("the update is complete").isEqualTo(s.getUpdateRevision());
        assertThat(s.getUpdatedReplicas()).isEqualTo(2);
        assertThat(s.getCurrentReplicas()).isEqualTo(2);
    }

    @Test
    void theOnDeleteStrategyLeavesRunningPodsAlone() throws Exception {
        create(1, s -> {
            s.getSpec().getUpdateStrategy().setType("OnDelete");
            s.getSpec().getUpdateStrategy().setRollingUpdate(null);
        });
        reconcile();
        ready("web-0");
        edit(s -> s.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.27"));
        reconcile();
        assertThat(api.pods.get("default", "web-0").getSpec().getContainers().get(0).getImage())
                .isEqualTo("nginx:1.26");
        assertThat(status().getUpdatedReplicas()).isNull();
    }

    @Test
    void aFailedPodIsDeletedAndThenRecreated() throws Exception {
        create(1, s -> { });
        reconcile();
        Pod failed = DeepCopy.of(api.pods.get("default", "web-0"));
        failed.getStatus().setPhase("Failed");
        api.pods.put(failed);
        reconcile();
        assertThat(podNames()).isEmpty();
        reconcile();
        assertThat(podNames()).containsExactly("web-0");
    }

    @Test
    void claimTemplatesBecomePodVolumes() throws Exception {
        create(1, s -> s.getSpec().setVolumeClaimTemplates(List.of(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("data").endMetadata().build())));
        reconcile();
        var volume = api.pods.get("default", "web-0").getSpec().getVolumes().get(0);
        assertThat(volume.getName()).isEqualTo("data");
        assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo("data-web-0");
    }

    @Test
    void startsAtTheConfiguredOrdinal() throws Exception {
        create(2, s -> {
            s.getSpec().setPodManagementPolicy("Parallel");
            s.getSpec().setOrdinals(new io.fabric8.kubernetes.api.model.apps.StatefulSetOrdinals(5));
        });
        reconcile();
        assertThat(podNames()).containsExactly("web-5", "web-6");
    }
}
