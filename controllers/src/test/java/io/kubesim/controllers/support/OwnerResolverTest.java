package io.kubesim.controllers.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.testing.Fixtures;
import io.kubesim.controllers.testing.MemoryStore;

class OwnerResolverTest {

    private final ReplicaSet web = owner("web", "uid-web", Map.of("app", "web"));
    private final ReplicaSet other = owner("other", "uid-other", Map.of("app", "other"));
    private final ReplicaSet selectsAll = owner("all", "uid-all", Map.of());
    private final OwnerResolver<ReplicaSet> resolver = new OwnerResolver<>(
            MemoryStore.of(web, other, selectsAll), "ReplicaSet", rs -> rs.getSpec().getSelector());

    private static ReplicaSet owner(String name, String uid, Map<String, String> selector) {
        ReplicaSet rs = Fixtures.replicaSet(name, 1, Map.of("app", name));
        rs.getMetadata().setUid(uid);
        rs.getSpec().setSelector(new LabelSelector(null, selector));
        return rs;
    }

    private static Pod pod(String app, String controllerKind, String controllerName, String controllerUid) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName("p").withNamespace(Fixtures.NS)
                .withLabels(Map.of("app", app)).endMetadata();
        if (controllerKind != null) {
            b.editMetadata().addNewOwnerReference().withApiVersion("apps/v1").withKind(controllerKind)
                    .withName(controllerName).withUid(controllerUid).withController(true).endOwnerReference()
                    .endMetadata();
        }
        return b.build();
    }

    @Test
    void theControllerIsTheCachedOwnerOfTheReferencedKindAndUid() {
        assertThat(resolver.controllerOf(pod("web", "ReplicaSet", "web", "uid-web"))).isSameAs(web);
        assertThat(resolver.controllerOf(pod("web", "ReplicaSet", "web", "uid-of-a-deleted-namesake"))).isNull();
        assertThat(resolver.controllerOf(pod("web", "StatefulSet", "web", "uid-web"))).isNull();
        assertThat(resolver.controllerOf(pod("web", "ReplicaSet", "gone", "uid-gone"))).isNull();
        assertThat(resolver.controllerOf(pod("web", null, null, null))).isNull();
    }

    @Test
    void orphansConcernEveryOwnerSelectingThemButNeverAnEmptySelector() {
        assertThat(resolver.selecting(pod("web", null, null, null))).containsExactly(web);
        assertThat(resolver.selecting(pod("db", null, null, null))).isEmpty();
    }
}
