package io.kubesim.controllers.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.testing.Fixtures;

class ControllerRefClaimsTest {

    private final ReplicaSet owner = Fixtures.replicaSet("web", 1, Map.of("app", "web"));
    private final List<String> writes = new ArrayList<>();
    private int checks;

    ControllerRefClaimsTest() {
        owner.getMetadata().setUid("owner-uid");
    }

    private ControllerRefClaims<Pod> claims() {
        return new ControllerRefClaims<>(owner, "apps/v1", "ReplicaSet",
                p -> "web".equals(p.getMetadata().getLabels().get("app")),
                new ControllerRefClaims.Writer<>() {
                    @Override
                    public Pod adopt(Pod pod, OwnerReference ref) {
                        writes.add("adopt " + pod.getMetadata().getName());
                        Pod copy = DeepCopy.of(pod);
                        copy.getMetadata().setOwnerReferences(List.of(ref));
                        return copy;
                    }

                    @Override
                    public Pod release(Pod pod, String ownerUid) {
                        writes.add("release " + pod.getMetadata().getName());
                        return pod;
                    }
                }, () -> checks++);
    }

    private static Pod pod(String name, String app, String ownerUid) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace("default")
                .withLabels(Map.of("app", app)).endMetadata();
        if (ownerUid != null) {
            b.editMetadata().addNewOwnerReference().withUid(ownerUid).withController(true).withKind("ReplicaSet")
                    .withName("x").withApiVersion("apps/v1").endOwnerReference().endMetadata();
        }
        return b.build();
    }

    @Test
    void keepsOwnAdoptsOrphansReleasesStrayAndIgnoresOthers() {
        List<Exception> failures = new ArrayList<>();
        List<Pod> claimed = claims().claim(List.of(pod("own", "web", "owner-uid"), pod("orphan", "web", null),
                pod("stray", "db", "owner-uid"), pod("foreign", "web", "other-uid"), pod("unrelated", "db", null)),
                failures);
        assertThat(claimed).extracting(p -> p.getMetadata().getName()).containsExactly("own", "orphan");
        assertThat(OwnerRefs.isControlledBy(claimed.get(1), "owner-uid")).isTrue();
        assertThat(writes).containsExactly("adopt orphan", "release stray");
        assertThat(checks).as("the owner is re-read once before adopting").isEqualTo(1);
        assertThat(failures).isEmpty();
    }

    @Test
    void anOwnerBeingDeletedNeitherAdoptsNorReleases() {
        owner.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");
        List<Pod> claimed = claims().claim(List.of(pod("own", "web", "owner-uid"), pod("orphan", "web", null),
                pod("stray", "db", "owner-uid")), new ArrayList<>());
        assertThat(claimed).extracting(p -> p.getMetadata().getName()).containsExactly("own");
        assertThat(writes).isEmpty();
    }

    @Test
    void terminatingOrphansAreNotAdopted() {
        Pod leaving = pod("leaving", "web", null);
        leaving.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");
        assertThat(claims().claim(List.of(leaving), new ArrayList<>())).isEmpty();
    }
}
