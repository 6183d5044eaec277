package io.kubesim.controllers.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.DeepCopy;
import io.kubesim.controllers.support.OwnerRefs;
import io.kubesim.controllers.support.TemplateHash;
import io.kubesim.controllers.testing.FakeApi;
import io.kubesim.controllers.testing.Fixtures;
import io.kubesim.controllers.testing.MutableClock;
import io.kubesim.controllers.testing.RecordedEvents;

class DeploymentReconcilerTest {

    private static final Map<String, String> LABELS = Map.of("app", "nginx");

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final FakeApi api = new FakeApi(clock);
    private final RecordedEvents events = new RecordedEvents();
    private final DeploymentReconciler reconciler = new DeploymentReconciler(api.deployments, api.replicaSets,
            api.pods, new ApiDeploymentWriter(api), events, clock);

    private Deployment create(int replicas, String image) {
        return api.create(Fixtures.deployment("nginx", replicas, LABELS, image));
    }

    private Deployment deployment() {
        return api.deployments.get("default", "nginx");
    }

    private void edit(Consumer<Deployment> change) {
        Deployment d = DeepCopy.of(deployment());
        change.accept(d);
        api.update(d);
    }

    private Result reconcile() throws Exception {
        return reconciler.reconcile("default/nginx");
    }

    private List<ReplicaSet> replicaSets() {
        List<ReplicaSet> all = new ArrayList<>(api.replicaSets.list("default"));
        all.sort(Comparator.comparing(rs -> Revisions.of(rs)));
        return all;
    }

    private ReplicaSet newest() {
        List<ReplicaSet> all = replicaSets();
        return all.get(all.size() - 1);
    }

    /**
     * The replicaset controller and kubelets: each ReplicaSet gets its pods, all ready if
     * {@code available}. Returns true if any status changed.
     */
    private boolean settle(boolean available) {
        boolean changed = false;
        for (ReplicaSet rs : api.replicaSets.all()) {
            int n = rs.getSpec().getReplicas();
            ReplicaSetStatus s = new ReplicaSetStatus();
            s.setReplicas(n);
            s.setFullyLabeledReplicas(n);
            s.setReadyReplicas(available ? n : 0);
            s.setAvailableReplicas(available ? n : 0);
            s.setObservedGeneration(rs.getMetadata().getGeneration());
            s.setConditions(List.of());
            if (!s.equals(rs.getStatus())) {
                rs.setStatus(s);
                api.updateStatus(rs);
                changed = true;
            }
        }
        return changed;
    }

    /** Reconciles and settles until nothing changes; checks {@code invariant} after every step. */
    private void converge(Consumer<List<ReplicaSet>> invariant) throws Exception {
        for (int i = 0; i < 50; i++) {
            api.clearWrites();
            reconcile();
            invariant.accept(replicaSets());
            boolean wrote = !api.writes().isEmpty();
            if (!settle(true) && !wrote) {
                return;
            }
        }
        throw new AssertionError("no steady state after 50 passes: " + api.writes());
    }

    private void converge() throws Exception {
        converge(sets -> { });
    }

    private static DeploymentCondition condition(Deployment d, String type) {
        return DeploymentConditions.get(d.getStatus(), type);
    }

    @Test
    void createsOneReplicaSetNamedByTheTemplateHash() throws Exception {
        Deployment d = create(3, "nginx:1.26");

        reconcile();

        String hash = TemplateHash.compute(d.getSpec().getTemplate(), null);
        ReplicaSet rs = api.replicaSets.get("default", "nginx-" + hash);
        assertThat(rs).isNotNull();
        assertThat(api.replicaSets.all()).hasSize(1);
        assertThat(rs.getSpec().getReplicas()).isEqualTo(3);
        assertThat(rs.getMetadata().getLabels()).containsEntry("app", "nginx").containsEntry("pod-template-hash", hash);
        assertThat(rs.getSpec().getSelector().getMatchLabels()).containsEntry("pod-template-hash", hash);
        assertThat(rs.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("pod-template-hash", hash);
        assertThat(rs.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1")
                .containsEntry("deployment.kubernetes.io/desired-replicas", "3")
                .containsEntry("deployment.kubernetes.io/max-replicas", "4");
        OwnerReference ref = OwnerRefs.controllerOf(rs).orElseThrow();
        assertThat(ref.getKind()).isEqualTo("Deployment");
        assertThat(ref.getUid()).isEqualTo(d.getMetadata().getUid());
        assertThat(events.lines()).containsExactly(
                "Normal ScalingReplicaSet Scaled up replica set nginx-" + hash + " from 0 to 3");
        Deployment stored = deployment();
        assertThat(stored.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
        DeploymentCondition progressing = condition(stored, "Progressing");
        assertThat(progressing.getReason()).isEqualTo("NewReplicaSetCreated");
        assertThat(progressing.getMessage()).isEqualTo("Created new replica set \"nginx-" + hash + "\"");
    }

    @Test
    void reportsACompleteRolloutOnceThePodsAreAvailable() throws Exception {
        create(3, "nginx:1.26");
        converge();

        Deployment d = deployment();
        var s = d.getStatus();
        assertThat(s.getObservedGeneration()).isEqualTo(d.getMetadata().getGeneration());
        assertThat(List.of(s.getReplicas(), s.getUpdatedReplicas(), s.getReadyReplicas(), s.getAvailableReplicas()))
                .containsOnly(3);
        assertThat(s.getUnavailableReplicas()).isNull();
        DeploymentCondition available = condition(d, "Available");
        assertThat(available.getStatus()).isEqualTo("True");
        assertThat(available.getReason()).isEqualTo("MinimumReplicasAvailable");
        assertThat(available.getMessage()).isEqualTo("Deployment has minimum availability.");
        DeploymentCondition progressing = condition(d, "Progressing");
        assertThat(progressing.getReason()).isEqualTo("NewReplicaSetAvailable");
        assertThat(progressing.getMessage())
                .isEqualTo("ReplicaSet \"" + newest().getMetadata().getName() + "\" has successfully progressed.");
    }

    @Test
    void withoutAvailablePodsTheDeploymentIsUnavailable() throws Exception {
        create(4, "nginx:1.26");
        reconcile();
        settle(false);
        reconcile();
        DeploymentCondition available = condition(deployment(), "Available");
        assertThat(available.getStatus()).isEqualTo("False");
        assertThat(available.getReason()).isEqualTo("MinimumReplicasUnavailable");
        assertThat(available.getMessage()).isEqualTo("Deployment does not have minimum availability.");
        assertThat(deployment().getStatus().getUnavailableReplicas()).isEqualTo(4);
    }

    @Test
    void scalesTheReplicaSetUpAndDown() throws Exception {
        create(3, "nginx:1.26");
        converge();
        String rs = newest().getMetadata().getName();
        events.clear();

        edit(d -> d.getSpec().setReplicas(5));
        converge();
        assertThat(newest().getSpec().getReplicas()).isEqualTo(5);
        assertThat(newest().getMetadata().getAnnotations()).containsEntry(ReplicaSets.DESIRED_REPLICAS, "5");

        edit(d -> d.getSpec().setReplicas(1));
        converge();
        assertThat(newest().getSpec().getReplicas()).isEqualTo(1);
        assertThat(events.lines()).containsExactly(
                "Normal ScalingReplicaSet Scaled up replica set " + rs + " from 3 to 5",
                "Normal ScalingReplicaSet Scaled down replica set " + rs + " from 5 to 1");
        assertThat(api.replicaSets.all()).hasSize(1);
    }

    @Test
    void rollsOutANewTemplateWithinSurgeAndUnavailability() throws Exception {
        create(4, "nginx:1.26");
        converge();
        String old = newest().getMetadata().getName();
        events.clear();

        edit(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.27"));
        // 4 replicas, 25%/25%: at most 5 pods, at least 3 available at every step.
        converge(sets -> {
            assertThat(sets.stream().mapToInt(rs -> rs.getSpec().getReplicas()).sum()).isLessThanOrEqualTo(5);
            assertThat(sets.stream().mapToInt(rs -> rs.getStatus() == null || rs.getStatus().getAvailableReplicas() == null
                    ? 0 : Math.min(rs.getStatus().getAvailableReplicas(), rs.getSpec().getReplicas())).sum())
                    .isGreaterThanOrEqualTo(3);
        });

        ReplicaSet updated = newest();
        assertThat(updated.getMetadata().getName()).isNotEqualTo(old);
        assertThat(updated.getSpec().getReplicas()).isEqualTo(4);
        assertThat(updated.getMetadata().getAnnotations()).containsEntry(Revisions.REVISION, "2");
        assertThat(api.replicaSets.get("default", old).getSpec().getReplicas()).isZero();
        assertThat(deployment().getMetadata().getAnnotations()).containsEntry(Revisions.REVISION, "2");
        assertThat(events.lines().get(0)).isEqualTo("Normal ScalingReplicaSet Scaled up replica set "
                + updated.getMetadata().getName() + " from 0 to 1");
        assertThat(events.lines().get(1)).isEqualTo("Normal ScalingReplicaSet Scaled down replica set " + old
                + " from 4 to 3");
        assertThat(condition(deployment(), "Progressing").getReason()).isEqualTo("NewReplicaSetAvailable");
    }

    @Test
    void rollbackReusesTheOldReplicaSetWithTheNextRevision() throws Exception {
        create(2, "nginx:1.26");
        converge();
        ReplicaSet first = newest();
        edit(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.27"));
        converge();

        // kubectl rollout undo: the old ReplicaSet's template without its hash label.
        edit(d -> {
            var template = DeepCopy.of(first.getSpec().getTemplate());
            template.getMetadata().getLabels().remove(TemplateHash.POD_TEMPLATE_HASH);
            d.getSpec().setTemplate(template);
        });
        converge();

        ReplicaSet back = api.replicaSets.get("default", first.getMetadata().getName());
        assertThat(back.getSpec().getReplicas()).isEqualTo(2);
        assertThat(back.getMetadata().getAnnotations()).containsEntry(Revisions.REVISION, "3")
                .containsEntry(Revisions.REVISION_HISTORY, "1");
        assertThat(api.writes()).noneMatch(w -> w.startsWith("create"));
        assertThat(api.replicaSets.all()).hasSize(2);
        assertThat(deployment().getMetadata().getAnnotations()).containsEntry(Revisions.REVISION, "3");
    }

    @Test
    void oldEmptyReplicaSetsBeyondTheHistoryLimitAreDeleted() throws Exception {
        Deployment spec = Fixtures.deployment("nginx", 1, LABELS, "nginx:1");
        spec.getSpec().setRevisionHistoryLimit(1);
        api.create(spec);
        converge();
        for (String image : List.of("nginx:2", "nginx:3", "nginx:4")) {
            edit(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image));
            converge();
        }
        assertThat(replicaSets()).extracting(rs -> rs.getMetadata().getAnnotations().get(Revisions.REVISION))
                .containsExactly("3", "4");
    }

    @Test
    void aPausedDeploymentScalesButDoesNotRollOut() throws Exception {
        create(2, "nginx:1.26");
        converge();
        edit(d -> {
            d.getSpec().setPaused(true);
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.27");
        });
        converge();
        assertThat(api.replicaSets.all()).hasSize(1);
        DeploymentCondition paused = condition(deployment(), "Progressing");
        assertThat(paused.getStatus()).isEqualTo("Unknown");
        assertThat(paused.getReason()).isEqualTo("DeploymentPaused");
        assertThat(paused.getMessage()).isEqualTo("Deployment is paused");

        edit(d -> d.getSpec().setReplicas(3));
        converge();
        assertThat(newest().getSpec().getReplicas()).isEqualTo(3);

        edit(d -> d.getSpec().setPaused(false));
        reconcile();
        assertThat(api.replicaSets.all()).hasSize(2);
        converge();
        assertThat(newest().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27");
        assertThat(condition(deployment(), "Progressing").getReason()).isEqualTo("NewReplicaSetAvailable");
    }

    @Test
    void recreateRemovesOldPodsBeforeStartingNewOnes() throws Exception {
        Deployment spec = Fixtures.deployment("nginx", 2, LABELS, "nginx:1.26");
        spec.getSpec().getStrategy().setType("Recreate");
        spec.getSpec().getStrategy().setRollingUpdate(null);
        api.create(spec);
        converge();
        ReplicaSet old = newest();
        Pod pod = api.create(new PodBuilder().withNewMetadata().withName("old-pod").withNamespace("default")
                .withLabels(old.getSpec().getTemplate().getMetadata().getLabels())
                .withOwnerReferences(OwnerRefs.controllerRef(old, "apps/v1", "ReplicaSet")).endMetadata()
                .withNewSpec().endSpec().build());
        events.clear();

        edit(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.27"));
        reconcile();
        assertThat(events.lines()).containsExactly("Normal ScalingReplicaSet Scaled down replica set "
                + old.getMetadata().getName() + " from 2 to 0");
        settle(true);
        reconcile();
        assertThat(api.replicaSets.all()).as("waits while an old pod still runs").hasSize(1);

        api.pods.remove("default", pod.getMetadata().getName());
        reconcile();
        assertThat(api.replicaSets.all()).hasSize(2);
        assertThat(newest().getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void aRolloutWithoutProgressTimesOut() throws Exception {
        create(2, "nginx:1.26");
        reconcile();
        settle(false);
        reconcile();
        Result r = reconcile();
        assertThat(r.requeueAfter()).as("a look when the deadline passes").isEqualTo(Duration.ofSeconds(601));

        clock.advance(Duration.ofSeconds(601));
        reconcile();
        DeploymentCondition c = condition(deployment(), "Progressing");
        assertThat(c.getStatus()).isEqualTo("False");
        assertThat(c.getReason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(c.getMessage()).isEqualTo("ReplicaSet \"" + newest().getMetadata().getName()
                + "\" has timed out progressing.");
    }

    @Test
    void adoptsAMatchingOrphanReplicaSetInsteadOfCreatingOne() throws Exception {
        Deployment d = create(2, "nginx:1.26");
        ReplicaSet orphan = Fixtures.replicaSet("adopt-me", 2, LABELS);
        orphan.getSpec().setTemplate(DeepCopy.of(d.getSpec().getTemplate()));
        api.create(orphan);
        reconcile();
        assertThat(OwnerRefs.isControlledBy(api.replicaSets.get("default", "adopt-me"), d.getMetadata().getUid()))
                .isTrue();
        assertThat(api.replicaSets.all()).hasSize(1);
    }

    @Test
    void aHashCollisionBumpsTheCollisionCount() throws Exception {
        Deployment d = create(1, "nginx:1.26");
        String hash = TemplateHash.compute(d.getSpec().getTemplate(), null);
        ReplicaSet squatter = Fixtures.replicaSet("nginx-" + hash, 0, Map.of("app", "other"));
        api.create(squatter);

        assertThatThrownBy(this::reconcile).hasMessageContaining("already exists");
        assertThat(deployment().getStatus().getCollisionCount()).isEqualTo(1);

        reconcile();
        assertThat(api.replicaSets.get("default", "nginx-" + TemplateHash.compute(d.getSpec().getTemplate(), 1)))
                .isNotNull();
    }

    @Test
    void aDeploymentSelectingEverythingIsRefused() throws Exception {
        Deployment spec = Fixtures.deployment("nginx", 1, LABELS, "nginx");
        spec.getSpec().getSelector().setMatchLabels(null);
        api.create(spec);
        reconcile();
        assertThat(events.lines()).containsExactly("Warning SelectingAll This deployment is selecting all pods. "
                + "A non-empty selector is required.");
        assertThat(api.replicaSets.all()).isEmpty();
    }
}
