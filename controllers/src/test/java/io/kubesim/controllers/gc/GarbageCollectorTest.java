package io.kubesim.controllers.gc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.kubesim.controllers.testing.Fixtures;
import io.kubesim.controllers.support.ServedKind;

/**
 * The collector's decisions, driven through the graph builder exactly as informer events would,
 * against a fake writer and a fake live lookup.
 */
class GarbageCollectorTest {

    private final DependencyGraph graph = new DependencyGraph();
    /** Like the work queue: a key waiting is queued once. */
    private final Set<String> queue = new LinkedHashSet<>();
    private final FakeWriter writer = new FakeWriter();
    private final Set<String> liveOwners = new HashSet<>();
    private final GarbageCollectorReconciler gc = new GarbageCollectorReconciler(graph,
            owner -> liveOwners.contains(owner.uid()) ? OwnerLookup.Presence.PRESENT : OwnerLookup.Presence.ABSENT,
            writer, queue::add);
    private final GraphBuilder<ReplicaSet> replicaSets = new GraphBuilder<>(kind(ReplicaSet.class), graph, queue::add);
    private final GraphBuilder<Pod> pods = new GraphBuilder<>(kind(Pod.class), graph, queue::add);
    private final GraphBuilder<ConfigMap> configMaps = new GraphBuilder<>(kind(ConfigMap.class), graph, queue::add);

    @Test
    void backgroundDeletionCollectsDependentsOfADeletedOwner() {
        ReplicaSet rs = rs("web");
        Pod p1 = pod("web-1", ref(rs, true));
        Pod p2 = pod("web-2", ref(rs, true));
        replicaSets.onAdd(rs);
        pods.onAdd(p1);
        pods.onAdd(p2);
        assertThat(drain()).isEmpty();

        replicaSets.onDelete(rs, false);

        assertThat(drain()).containsExactlyInAnyOrder(uid(p1), uid(p2));
        assertThat(writer.deletes).containsExactlyInAnyOrder("Pod web-1 Background", "Pod web-2 Background");
    }

    @Test
    void aDependentSeenBeforeItsOwnerIsKeptWhenTheOwnerExists() {
        ReplicaSet rs = rs("web");
        Pod p = pod("web-1", ref(rs, true));
        pods.onAdd(p);
        assertThat(queue).containsExactly(uid(p));
        liveOwners.add(uid(rs));

        drain();

        assertThat(writer.deletes).isEmpty();
    }

    @Test
    void onlyDanglingReferencesAreRemovedWhileAnotherOwnerLives() {
        ReplicaSet live = rs("live");
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withNamespace("default").withName("shared")
                .withUid(Fixtures.uid()).withOwnerReferences(ref(live, false), new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1").withKind("ReplicaSet").withName("gone").withUid("gone-uid").build())
                .endMetadata().build();
        replicaSets.onAdd(live);
        configMaps.onAdd(cm);

        drain();

        assertThat(writer.deletes).isEmpty();
        assertThat(writer.removedRefs).containsExactly("ConfigMap shared -[gone-uid]");
    }

    @Test
    void foregroundDeletionDeletesDependentsThenReleasesTheOwner() {
        ReplicaSet rs = rs("web");
        Pod p1 = pod("web-1", ref(rs, true));
        Pod p2 = pod("web-2", ref(rs, false));
        replicaSets.onAdd(rs);
        pods.onAdd(p1);
        pods.onAdd(p2);

        ReplicaSet deleting = deleting(rs, "foregroundDeletion");
        replicaSets.onUpdate(rs, deleting);
        drain();

        assertThat(writer.deletes).containsExactlyInAnyOrder("Pod web-1 Background", "Pod web-2 Background");
        assertThat(writer.finalizersRemoved).isEmpty();
        // the blocking pod goes: the owner may go too, even though a non-blocking one remains
        pods.onDelete(p1, false);
        drain();
        assertThat(writer.finalizersRemoved).containsExactly("ReplicaSet web foregroundDeletion");
    }

    @Test
    void aDependentWithDependentsOfItsOwnIsDeletedInTheForeground() {
        ReplicaSet rs = rs("web");
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withNamespace("default").withName("child")
                .withUid(Fixtures.uid()).withOwnerReferences(ref(rs, true)).endMetadata().build();
        Pod grandchild = pod("grandchild", new OwnerReferenceBuilder().withApiVersion("v1").withKind("ConfigMap")
                .withName("child").withUid(uid(cm)).withBlockOwnerDeletion(true).build());
        replicaSets.onAdd(rs);
        configMaps.onAdd(cm);
        pods.onAdd(grandchild);
        drain();

        replicaSets.onUpdate(rs, deleting(rs, "foregroundDeletion"));
        drain();

        assertThat(writer.deletes).containsExactly("ConfigMap child Foreground");
    }

    @Test
    void orphanDeletionStripsTheReferenceAndReleasesTheOwner() {
        ReplicaSet rs = rs("web");
        Pod p1 = pod("web-1", ref(rs, true));
        replicaSets.onAdd(rs);
        pods.onAdd(p1);

        replicaSets.onUpdate(rs, deleting(rs, "orphan"));
        drain();

        assertThat(writer.removedRefs).containsExactly("Pod web-1 -[" + uid(rs) + "]");
        assertThat(writer.finalizersRemoved).containsExactly("ReplicaSet web orphan");
        assertThat(writer.deletes).isEmpty();
    }

    @Test
    void ownersOfKindsWeDoNotServeAreNeverConsideredGone() {
        Pod p = pod("job-pod", new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
                .withName("j").withUid("job-uid").build());
        pods.onAdd(p);

        drain();

        assertThat(writer.deletes).isEmpty();
    }

    /** Runs the queue until it is empty, returning what was processed. */
    private List<String> drain() {
        List<String> done = new ArrayList<>();
        for (int i = 0; i < 100 && !queue.isEmpty(); i++) {
            String uid = queue.iterator().next();
            queue.remove(uid);
            done.add(uid);
            gc.reconcile(uid);
        }
        return done;
    }

    private static ServedKind kind(Class<?> type) {
        return ServedKind.of(type).orElseThrow();
    }

    static ReplicaSet rs(String name) {
        return new ReplicaSetBuilder().withNewMetadata().withNamespace("default").withName(name)
                .withUid(Fixtures.uid()).endMetadata().build();
    }

    static Pod pod(String name, OwnerReference owner) {
        return new PodBuilder().withNewMetadata().withNamespace("default").withName(name).withUid(Fixtures.uid())
                .withOwnerReferences(owner).endMetadata().build();
    }

    static OwnerReference ref(ReplicaSet rs, boolean block) {
        return new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet")
                .withName(rs.getMetadata().getName()).withUid(rs.getMetadata().getUid()).withController(true)
                .withBlockOwnerDeletion(block).build();
    }

    static ReplicaSet deleting(ReplicaSet rs, String finalizer) {
        return new ReplicaSetBuilder(rs).editMetadata().withDeletionTimestamp("2024-01-01T00:00:00Z")
                .withFinalizers(finalizer).endMetadata().build();
    }

    static String uid(HasMetadata o) {
        return o.getMetadata().getUid();
    }

    private static final class FakeWriter implements GcWriter {
        final List<String> deletes = new CopyOnWriteArrayList<>();
        final List<String> removedRefs = new CopyOnWriteArrayList<>();
        final List<String> finalizersRemoved = new CopyOnWriteArrayList<>();

        @Override
        public void delete(ObjectRef object, String propagationPolicy) {
            deletes.add(object.kind().kind() + " " + object.name() + " " + propagationPolicy);
        }

        @Override
        public void removeOwnerReferences(ObjectRef object, Collection<String> ownerUids) {
            removedRefs.add(object.kind().kind() + " " + object.name() + " -" + ownerUids);
        }

        @Override
        public void unblockOwnerReferences(ObjectRef object, Collection<String> ownerUids) {
            removedRefs.add(object.kind().kind() + " " + object.name() + " unblock" + ownerUids);
        }

        @Override
        public void removeFinalizer(ObjectRef object, String finalizer) {
            finalizersRemoved.add(object.kind().kind() + " " + object.name() + " " + finalizer);
        }
    }
}
