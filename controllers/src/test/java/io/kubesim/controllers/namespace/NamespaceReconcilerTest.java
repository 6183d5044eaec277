package io.kubesim.controllers.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceCondition;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.testing.MemoryStore;
import io.kubesim.controllers.testing.MutableClock;
import io.kubesim.controllers.support.ServedKind;

class NamespaceReconcilerTest {

    private static final Instant NOW = Instant.parse("2024-01-01T00:10:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final MemoryStore<Namespace> namespaces = new MemoryStore<>();
    private final FakeContent content = new FakeContent();
    private final FakeWriter writer = new FakeWriter();
    private final NamespaceReconciler reconciler = new NamespaceReconciler(namespaces, content, writer, clock);

    @Test
    void activeNamespacesAreLeftAlone() {
        namespaces.put(ns("team", false, "kubernetes"));
        assertThat(reconciler.reconcile("team")).isEqualTo(Result.DONE);
        assertThat(content.deleted).isEmpty();
    }

    @Test
    void emptyNamespaceIsFinalizedAtOnce() {
        namespaces.put(ns("team", true, "kubernetes", "example.com/other"));

        assertThat(reconciler.reconcile("team")).isEqualTo(Result.DONE);

        assertThat(content.deleted).hasSize((int) ServedKind.ALL.stream().filter(ServedKind::namespaced).count());
        assertThat(writer.finalized).containsExactly(List.of("example.com/other"));
        assertThat(condition(NamespaceConditions.CONTENT_REMAINING).getStatus()).isEqualTo("False");
        assertThat(condition(NamespaceConditions.CONTENT_REMAINING).getReason()).isEqualTo("ContentRemoved");
    }

    @Test
    void waitsForTerminatingPodsAndReportsWhatRemains() {
        namespaces.put(ns("team", true, "kubernetes"));
        content.left.put("Pod", List.of(new PodBuilder().withNewMetadata().withName("p").withNamespace("team")
                .withDeletionTimestamp("2024-01-01T00:10:20Z").endMetadata().build()));
        content.left.put("ConfigMap", List.of(new ConfigMapBuilder().withNewMetadata().withName("c")
                .withNamespace("team").withFinalizers("example.com/hold").endMetadata().build()));

        Result result = reconciler.reconcile("team");

        assertThat(writer.finalized).isEmpty();
        assertThat(result.requeueAfter()).isEqualTo(Duration.ofSeconds(20 / 2 + 1));
        NamespaceCondition remaining = condition(NamespaceConditions.CONTENT_REMAINING);
        assertThat(remaining.getStatus()).isEqualTo("True");
        assertThat(remaining.getReason()).isEqualTo("SomeResourcesRemain");
        assertThat(remaining.getMessage()).isEqualTo(
                "Some resources are remaining: configmaps. has 1 resource instances, pods. has 1 resource instances");
        assertThat(condition(NamespaceConditions.FINALIZERS_REMAINING).getMessage())
                .isEqualTo("Some finalizers are remaining: example.com/hold in 1 resource instances");
        assertThat(writer.statuses.get(0).getPhase()).isEqualTo("Terminating");
    }

    @Test
    void deletionFailuresAreReportedAndRetried() {
        namespaces.put(ns("team", true, "kubernetes"));
        content.failing = "Secret";

        assertThatThrownBy(() -> reconciler.reconcile("team")).isInstanceOf(IllegalStateException.class);

        NamespaceCondition failure = condition(NamespaceConditions.CONTENT_FAILURE);
        assertThat(failure.getStatus()).isEqualTo("True");
        assertThat(failure.getReason()).isEqualTo("ContentDeletionFailed");
        assertThat(failure.getMessage()).startsWith("Failed to delete all resource types, 1 remaining: ");
        assertThat(writer.finalized).isEmpty();
    }

    private NamespaceCondition condition(String type) {
        NamespaceStatus status = writer.statuses.get(writer.statuses.size() - 1);
        return status.getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }

    static Namespace ns(String name, boolean deleting, String... finalizers) {
        return new NamespaceBuilder().withNewMetadata().withName(name).withUid("u-" + name).withResourceVersion("7")
                .withDeletionTimestamp(deleting ? "2024-01-01T00:00:00Z" : null).endMetadata()
                .withNewSpec().withFinalizers(finalizers).endSpec()
                .withNewStatus().withPhase(deleting ? "Terminating" : "Active").endStatus().build();
    }

    private static final class FakeContent implements NamespaceContent {
        final List<String> deleted = new CopyOnWriteArrayList<>();
        final Map<String, List<? extends HasMetadata>> left = new HashMap<>();
        String failing;

        @Override
        public void deleteAll(ServedKind kind, String namespace) {
            if (kind.kind().equals(failing)) {
                throw new KubernetesClientException("boom");
            }
            deleted.add(kind.kind());
        }

        @Override
        public List<? extends HasMetadata> remaining(ServedKind kind, String namespace) {
            return left.getOrDefault(kind.kind(), List.of());
        }
    }

    private static final class FakeWriter implements NamespaceWriter {
        final List<NamespaceStatus> statuses = new ArrayList<>();
        final List<List<String>> finalized = new ArrayList<>();

        @Override
        public Namespace updateStatus(Namespace ns, NamespaceStatus status) {
            statuses.add(status);
            return new NamespaceBuilder(ns).withStatus(status).build();
        }

        @Override
        public void release(Namespace ns, List<String> finalizers) {
            finalized.add(finalizers);
        }
    }
}
