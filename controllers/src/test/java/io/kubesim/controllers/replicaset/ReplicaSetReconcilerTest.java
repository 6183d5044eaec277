package io.kubesim.controllers.replicaset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.ControllerExpectations;
import io.kubesim.controllers.support.DeepCopy;
import io.kubesim.controllers.support.OwnedPodHandler;
import io.kubesim.controllers.support.OwnerRefs;
import io.kubesim.controllers.testing.FakeApi;
import io.kubesim.controllers.testing.Fixtures;
import io.kubesim.controllers.testing.MutableClock;
import io.kubesim.controllers.testing.RecordedEvents;

class ReplicaSetReconcilerTest {

    private static final Map<String, String> WEB = Map.of("app", "web");

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final FakeApi api = new FakeApi(clock);
    private final RecordedEvents events = new RecordedEvents();
    private final ControllerExpectations expectations = new ControllerExpectations(clock);
    private final OwnedPodHandler<ReplicaSet> handler = ReplicaSetControllerFactory.podHandler(api.replicaSets,
            expectations, k -> { }, (k, d) -> { });

    private ReplicaSetReconciler reconciler(ReplicaSetWriter writer) {
        return new ReplicaSetReconciler(api.replicaSets, api.pods, writer, events, expectations, Runnable::run, clock);
    }

    private ReplicaSetReconciler reconciler() {
        return reconciler(new ApiReplicaSetWriter(api));
    }

    private ReplicaSet rs(int replicas) {
        return api.create(Fixtures.replicaSet("web", replicas, WEB));
    }

    private List<Pod> pods() {
        return api.pods.list(Fixtures.NS);
    }

    /** Lets the (test) informer deliver every pod in the store to the handler. */
    private void observeAll() {
        pods().forEach(handler::onAdd);
    }

    @Test
    void createsMissingPodsFromTheTemplateOwnedByTheReplicaSet() throws Exception {
        ReplicaSet rs = rs(3);

        reconciler().reconcile("default/web");

        assertThat(pods()).hasSize(3).allSatisfy(p -> {
            assertThat(p.getMetadata().getGenerateName()).isEqualTo("web-");
            assertThat(p.getMetadata().getName()).startsWith("web-");
            assertThat(p.getMetadata().getLabels()).isEqualTo(WEB);
            assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27");
            OwnerReference ref = OwnerRefs.controllerOf(p).orElseThrow();
            assertThat(ref.getApiVersion()).isEqualTo("apps/v1");
            assertThat(ref.getKind()).isEqualTo("ReplicaSet");
            assertThat(ref.getName()).isEqualTo("web");
            assertThat(ref.getUid()).isEqualTo(rs.getMetadata().getUid());
            assertThat(ref.getBlockOwnerDeletion()).isTrue();
        });
        assertThat(events.lines()).containsExactlyInAnyOrderElementsOf(pods().stream()
                .map(p -> "Normal SuccessfulCreate Created pod: " + p.getMetadata().getName()).toList());
        ReplicaSet stored = api.replicaSets.get("default", "web");
        assertThat(stored.getStatus().getObservedGeneration()).isEqualTo(1L);
    }

    @Test
    void waitsUntilTheInformerHasSeenItsCreationsBeforeActingAgain() throws Exception {
        rs(2);
        reconciler().reconcile("default/web");
        List<Pod> created = pods();
        // The cache has not caught up: the pods are invisible, but the controller must not recreate them.
        created.forEach(p -> api.pods.remove("default", p.getMetadata().getName()));
        reconciler().reconcile("default/web");
        assertThat(api.writes("create Pod")).hasSize(2);

        created.forEach(p -> {
            api.pods.put(p);
            handler.onAdd(p);
        });
        assertThat(expectations.satisfied("default/web")).isTrue();
        reconciler().reconcile("default/web");
        assertThat(api.writes("create Pod")).hasSize(2);
    }

    @Test
    void expectationsThatNeverArriveExpire() throws Exception {
        rs(1);
        reconciler().reconcile("default/web");
        api.pods.all().forEach(p -> api.pods.remove("default", p.getMetadata().getName()));
        reconciler().reconcile("default/web");
        assertThat(api.writes("create Pod")).hasSize(1);

        clock.advance(ControllerExpectations.TIMEOUT.plusSeconds(1));
        reconciler().reconcile("default/web");
        assertThat(api.writes("create Pod")).hasSize(2);
    }

    @Test
    void createsInDoublingBatchesAndStopsAfterTheFirstFailingBatch() {
        rs(10);
        AtomicInteger attempts = new AtomicInteger();
        ReplicaSetWriter failingAfterThree = new ApiReplicaSetWriter(api) {
            @Override
            public Pod createPod(Pod pod) {
                if (attempts.incrementAndGet() > 3) {
                    throw new KubernetesClientException(new io.fabric8.kubernetes.api.model.StatusBuilder()
                            .withCode(403).withReason("Forbidden")
                            .withMessage("pods \"web-x\" is forbidden: exceeded quota: pods").build());
                }
                return super.createPod(pod);
            }
        };

        assertThatThrownBy(() -> reconciler(failingAfterThree).reconcile("default/web"))
                .isInstanceOf(KubernetesClientException.class);

        assertThat(attempts.get()).as("batches of 1, 2 and 4").isEqualTo(7);
        assertThat(pods()).hasSize(3);
        assertThat(events.withReason("FailedCreate")).hasSize(4)
                .allMatch(e -> e.equals("Warning FailedCreate Error creating: pods \"web-x\" is forbidden: "
                        + "exceeded quota: pods"));
        assertThat(expectations.pending("default/web")[0]).as("only successful creations stay expected").isEqualTo(3);
        ReplicaSetCondition failure = api.replicaSets.get("default", "web").getStatus().getConditions().get(0);
        assertThat(failure.getType()).isEqualTo("ReplicaFailure");
        assertThat(failure.getReason()).isEqualTo("FailedCreate");
        assertThat(failure.getStatus()).isEqualTo("True");
        assertThat(failure.getMessage()).isEqualTo("pods \"web-x\" is forbidden: exceeded quota: pods");
    }

    @Test
    void theFailureConditionIsRemovedOnceCreatingWorksAgain() throws Exception {
        rs(1);
        api.fail("create", "Pod", 500, "etcd is down");
        assertThatThrownBy(() -> reconciler().reconcile("default/web")).isInstanceOf(KubernetesClientException.class);
        assertThat(api.replicaSets.get("default", "web").getStatus().getConditions()).hasSize(1);

        api.clearFailures();
        reconciler().reconcile("default/web");
        assertThat(pods()).hasSize(1);
        assertThat(api.replicaSets.get("default", "web").getStatus().getConditions()).isNullOrEmpty();
    }

    @Test
    void createsAtMostABurstPerPass() throws Exception {
        rs(600);
        reconciler().reconcile("default/web");
        assertThat(pods()).hasSize(ReplicaSetReconciler.BURST);
    }

    @Test
    void deletesTheLeastValuablePodsFirst() throws Exception {
        ReplicaSet rs = rs(2);
        Pod readyOld = ownedPod(rs, "ready-old");
        clock.advance(Duration.ofMinutes(10));
        Pod readyNew = ownedPod(rs, "ready-new");
        Pod unscheduled = ownedPod(rs, "unscheduled");
        Pod notReady = ownedPod(rs, "not-ready");
        api.pods.put(Fixtures.runningReady(readyOld, "node-1", clock));
        api.pods.put(Fixtures.runningReady(readyNew, "node-2", clock));
        Pod running = Fixtures.runningReady(notReady, "node-1", clock);
        running.getStatus().getConditions().get(0).setStatus("False");
        api.pods.put(running);
        api.pods.put(unscheduled);

        reconciler().reconcile("default/web");

        assertThat(api.writes("delete")).containsExactlyInAnyOrder("delete Pod unscheduled", "delete Pod not-ready");
        assertThat(events.lines()).containsExactlyInAnyOrder("Normal SuccessfulDelete Deleted pod: unscheduled",
                "Normal SuccessfulDelete Deleted pod: not-ready");
        assertThat(expectations.satisfied("default/web")).isFalse();
        handler.onDelete(unscheduled, false);
        handler.onDelete(notReady, false);
        assertThat(expectations.satisfied("default/web")).isTrue();
    }

    @Test
    void aPodSeenTerminatingCountsAsDeletedOnlyOnce() throws Exception {
        ReplicaSet rs = rs(0);
        Pod p = ownedPod(rs, "p1");
        reconciler().reconcile("default/web");
        assertThat(expectations.pending("default/web")[1]).isEqualTo(1);

        Pod terminating = DeepCopy.of(p);
        terminating.getMetadata().setDeletionTimestamp("2026-01-01T00:00:30Z");
        terminating.getMetadata().setResourceVersion("999");
        handler.onUpdate(p, terminating);
        handler.onDelete(terminating, false);
        assertThat(expectations.pending("default/web")[1]).isZero();
        assertThat(expectations.satisfied("default/web")).isTrue();
    }

    @Test
    void adoptsMatchingOrphansAndReleasesPodsThatStoppedMatching() throws Exception {
        ReplicaSet rs = rs(1);
        api.create(new PodBuilder().withNewMetadata().withName("orphan").withNamespace("default").withLabels(WEB)
                .endMetadata().withNewSpec().endSpec().build());
        Pod relabeled = ownedPod(rs, "relabeled");
        relabeled.getMetadata().setLabels(Map.of("app", "other"));
        api.update(relabeled);

        reconciler().reconcile("default/web");

        assertThat(OwnerRefs.isControlledBy(api.pods.get("default", "orphan"), rs.getMetadata().getUid())).isTrue();
        assertThat(api.pods.get("default", "relabeled").getMetadata().getOwnerReferences()).isEmpty();
        assertThat(api.writes("create Pod")).containsExactly("create Pod orphan", "create Pod relabeled");
    }

    @Test
    void ignoresPodsOfOtherOwnersAndFinishedOrTerminatingPods() throws Exception {
        ReplicaSet rs = rs(1);
        Pod foreign = new PodBuilder().withNewMetadata().withName("foreign").withNamespace("default").withLabels(WEB)
                .withOwnerReferences(new OwnerReference("apps/v1", true, true, "ReplicaSet", "other", "other-uid"))
                .endMetadata().withNewSpec().endSpec().build();
        api.create(foreign);
        Pod done = ownedPod(rs, "done");
        done.getStatus().setPhase("Succeeded");
        api.pods.put(done);
        Pod leaving = ownedPod(rs, "leaving");
        leaving.getMetadata().setDeletionTimestamp("2026-01-01T00:00:30Z");
        api.pods.put(leaving);

        reconciler().reconcile("default/web");

        assertThat(api.writes("create Pod web-")).hasSize(1);
        assertThat(OwnerRefs.controllerOf(api.pods.get("default", "foreign")).orElseThrow().getUid())
                .isEqualTo("other-uid");
    }

    @Test
    void statusCountsReadyAvailableAndFullyLabeledPodsAndWaitsForMinReadySeconds() throws Exception {
        ReplicaSet spec = Fixtures.replicaSet("web", 2, WEB);
        spec.getSpec().setMinReadySeconds(10);
        spec.getSpec().getTemplate().getMetadata().setLabels(Map.of("app", "web", "tier", "fe"));
        ReplicaSet rs = api.create(spec);
        Pod early = ownedPod(rs, "early");
        early.getMetadata().setLabels(Map.of("app", "web", "tier", "fe"));
        api.pods.put(Fixtures.runningReady(early, "node-1", clock));
        clock.advance(Duration.ofSeconds(20));
        api.pods.put(Fixtures.runningReady(ownedPod(rs, "late"), "node-1", clock));

        Result result = reconciler().reconcile("default/web");

        var status = api.replicaSets.get("default", "web").getStatus();
        assertThat(status.getReplicas()).isEqualTo(2);
        assertThat(status.getFullyLabeledReplicas()).isEqualTo(1);
        assertThat(status.getReadyReplicas()).isEqualTo(2);
        assertThat(status.getAvailableReplicas()).isEqualTo(1);
        assertThat(result.requeueAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aDeletedReplicaSetForgetsItsExpectations() throws Exception {
        rs(1);
        reconciler().reconcile("default/web");
        assertThat(expectations.satisfied("default/web")).isFalse();
        api.delete("ReplicaSet", "default", "web");
        reconciler().reconcile("default/web");
        assertThat(expectations.satisfied("default/web")).isTrue();
    }

    private Pod ownedPod(ReplicaSet rs, String name) {
        List<OwnerReference> refs = new ArrayList<>(List.of(OwnerRefs.controllerRef(rs, "apps/v1", "ReplicaSet")));
        return api.create(new PodBuilder().withNewMetadata().withName(name).withNamespace("default").withLabels(WEB)
                .withOwnerReferences(refs).endMetadata().withNewSpec().endSpec().build());
    }
}
