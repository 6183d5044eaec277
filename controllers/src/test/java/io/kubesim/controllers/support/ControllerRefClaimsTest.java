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
    private ReplicaSet fresh = owner;
    private int checks;

    ControllerRefClaimsTest() {
        owner.getMetadata().setUid("owner-uid");
    }

    private ControllerRefClaims<Pod> claims() {
        return new ControllerRefClaims<>(owner, "apps/v1", "ReplicaSet",
                p -> "web".equals(p.getMetadata().getLabels().get("app")),
                pod -> {
                    writes.add(pod.getMetadata().getName() + " owned by "
                            + OwnerRefs.controllerOf(pod).map(OwnerReference::getUid).orElse("nobody"));
                    return pod;
                }, () -> {
                    checks++;
                    return fresh;
                });
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
        assertThat(writes).containsExactly("orphan owned by owner-uid", "stray owned by nobody");
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

    @Test
    void noAdoptionWhenAFreshReadShowsTheOwnerGoneOrBeingDeleted() {
        fresh = null;
        List<Exception> failures = new ArrayList<>();
        assertThat(claims().claim(List.of(pod("orphan", "web", null)), failures)).isEmpty();
        assertThat(failures).singleElement().extracting(Exception::getMessage)
                .isEqualTo("original ReplicaSet default/web is gone");

        fresh = Fixtures.replicaSet("web", 1, Map.of("app", "web"));
        fresh.getMetadata().setUid("owner-uid");
        fresh.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");
        failures.clear();
        assertThat(claims().claim(List.of(pod("orphan", "web", null), pod("own", "web", "owner-uid")), failures))
                .extracting(p -> p.getMetadata().getName()).containsExactly("own");
        assertThat(failures).singleElement().extracting(Exception::getMessage)
                .isEqualTo("ReplicaSet default/web has just been deleted at 2026-01-01T00:00:00Z");
        assertThat(writes).isEmpty();
    }
}
